"""Operating-system errors in Chinese: "No such file or directory" never reaches the editor.

in: an OSError; out: a Chinese reason (by errno, so it does not depend on the system's
language) or one line naming the file and the reason.
"""
from __future__ import annotations

import errno

REASONS = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "操作不被允许（没有权限）",
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "超出了磁盘配额",
    errno.EROFS: "磁盘是只读的",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EEXIST: "已经存在",
    errno.ENOTEMPTY: "文件夹不是空的",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EIO: "磁盘读写出错",
    errno.EBUSY: "文件正被占用",
    errno.ETXTBSY: "文件正被占用",
    errno.EMFILE: "同时打开的文件太多",
    errno.ENFILE: "同时打开的文件太多",
    errno.EXDEV: "不能跨磁盘移动",
    errno.ELOOP: "路径中的链接太多（可能循环）",
    errno.EINVAL: "文件名或参数无效",
    errno.EFBIG: "文件太大",
}


def os_reason(e: OSError) -> str:
    """in: an OSError; out: why it failed, in Chinese (a message the program wrote itself,
    e.g. OSError("无法开始打印…"), is returned as it is)."""
    if e.errno in REASONS:
        return REASONS[e.errno]
    if e.errno is None and e.args and isinstance(e.args[0], str):
        return e.args[0]
    return f"操作系统错误（代码 {e.errno}）"


def os_message(e: OSError, path=None, doing: str = "无法读写") -> str:
    """in: an OSError, the file it concerns if the error does not say, and what failed
    (无法读取 / 无法保存 …); out: one line such as "公报.pdf：无法保存（没有权限）"."""
    # a rename names our temporary file first and the file the editor asked for second
    where = getattr(e, "filename2", None) or getattr(e, "filename", None) or path or ""
    return f"{where}：{doing}（{os_reason(e)}）" if where else f"{doing}（{os_reason(e)}）"
