"""济南市人民政府公报 排版工具 — start here.

    python3 main.py [ISSUE]                      the app (headless build when there is no display)
    python3 main.py new ISSUE [--like PREVIOUS] [--year Y --number N --total T --date D]
    python3 main.py add ISSUE FILE… --section NAME
    python3 main.py build ISSUE [--pdf OUT.pdf [--print [--cover-separate]]] [--docx OUT.docx] [--web DIR] [--layout NAME]
    python3 main.py import FILE --json
    python3 main.py proof ISSUE [--json]
    python3 main.py correct ISSUE DOC PARA [--text TEXT] [--kind KIND] [--level N]
    python3 main.py archive DIR [--json]         the issues of an archive, checked for continuity
    python3 main.py annual DIR --year Y --pdf OUT.pdf [--docx OUT.docx] [--by-organ] [--append]
    python3 main.py find DIR [QUERY] [--organ O] [--from D] [--to D] [--json]
    python3 main.py test [PYTEST ARGS]           the whole test suite
    python3 main.py --help                       every command, in Chinese (editor/cli.py)

Run with any Python 3.11+: on first use it creates .venv beside this file, installs the
pinned dependencies from pyproject.toml into it, and re-runs itself inside it.
"""
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = HERE / ".venv"
VENV_PY = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _in_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


def _bootstrap(with_tests: bool) -> None:
    """Create .venv and install the project (and test tools) into it, once."""
    marker = VENV / (".installed-test" if with_tests else ".installed")
    stamp = str((HERE / "pyproject.toml").stat().st_mtime_ns)
    done = [VENV / ".installed-test"] + ([] if with_tests else [VENV / ".installed"])
    if any(m.exists() and m.read_text() == stamp for m in done):
        return
    if not VENV_PY.exists():
        print("首次运行：正在创建虚拟环境 .venv …", flush=True)
        r = subprocess.run([sys.executable, "-m", "venv", str(VENV)])
        if r.returncode != 0:
            sys.exit("无法创建虚拟环境。Debian/Ubuntu 上请先安装：sudo apt-get install python3-venv")
    print("正在安装依赖（首次约需几分钟）…", flush=True)
    target = ".[test]" if with_tests else "."
    r = subprocess.run([str(VENV_PY), "-m", "pip", "install", "-q", "-e", target], cwd=HERE)
    if r.returncode != 0:
        sys.exit("依赖安装失败，请检查网络后重试。")
    marker.write_text(stamp)


def main() -> None:
    args = sys.argv[1:]
    with_tests = bool(args) and args[0] == "test"
    if not _in_venv():
        _bootstrap(with_tests)
        os.execv(str(VENV_PY), [str(VENV_PY), str(HERE / "main.py"), *args])
    if with_tests:
        _bootstrap(True)
        os.chdir(HERE)
        sys.exit(subprocess.run([sys.executable, "-m", "pytest", *args[1:]]).returncode)
    sys.path.insert(0, str(HERE))
    from editor.cli import run
    sys.exit(run(args))


if __name__ == "__main__":
    main()
