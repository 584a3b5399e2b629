"""The year's gazette: an archive folder of issues, looked at across issues.

fields.py      what is compared across issues: the 文号 in one bracket form, 发文机关, dates
summary.py     one issue as the archive keeps it, pages as its own layout printed them
store.py       summaries cached in the user's cache folder, rebuilt when a file changes
folder.py      an archive folder → its issues in order, each summarised or said unreadable
continuity.py  期号, 总期号, dates, 文号 and documents checked across the issues
search.py      documents by 文号, words, 发文机关, date range
annual.py      the 年度总目录 (set by layout/annual.py) as PDF, DOCX, or an issue's last part
"""
