"""The real program on a real X server: page through the whole sample four times.

Xvfb gives a screen, xdotool presses the keys an editor presses (a click on the pages,
then PageDown 240 times, Home, again). The program must still be running at the end,
and it must have said nothing on stderr about a fatal error. Skipped where Xvfb or
xdotool is not installed (.ci/run installs both).
"""
import os
import shutil
import subprocess
import sys
import time

import pytest

from test_crash_recovery import read_lines, wait_for_line
from ui_helpers import ROOT

pytestmark = [pytest.mark.gui, pytest.mark.slow,
              pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("xdotool")),
                                 reason="Xvfb and xdotool are needed (apt-get install xvfb xdotool)")]


def free_display() -> str:
    for n in range(90, 140):
        if not os.path.exists(f"/tmp/.X11-unix/X{n}") and not os.path.exists(f"/tmp/.X{n}-lock"):
            return f":{n}"
    pytest.skip("no free X display number")


@pytest.fixture
def xserver():
    display = free_display()
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        if os.path.exists(f"/tmp/.X11-unix/X{display[1:]}"):
            break
        time.sleep(0.05)
    yield display
    server.terminate()
    server.wait(10)


def xdotool(display: str, *args: str) -> str:
    return subprocess.run(["xdotool", *args], env=dict(os.environ, DISPLAY=display),
                          capture_output=True, text=True, timeout=120).stdout.strip()


def test_paging_through_the_sample_four_times_on_a_real_screen(xserver, issue_copy, tmp_path):
    env = dict(os.environ, DISPLAY=xserver, GAZETTE_CONFIG_DIR=str(tmp_path / "config"),
               GAZETTE_TEST_EVENTS="1")
    env.pop("QT_QPA_PLATFORM", None)            # the xcb platform: a real X connection
    env.pop("GAZETTE_RECOVER", None)
    app = subprocess.Popen([sys.executable, str(ROOT / "main.py"), str(issue_copy)], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = read_lines(app)
        pages = int(wait_for_line(lines, "gazette: pages").split()[-1])
        assert pages > 40
        window = xdotool(xserver, "search", "--sync", "--onlyvisible", "--pid", str(app.pid)).split()[0]
        x, y = (int(v) for v in xdotool(xserver, "getwindowgeometry", "--shell", window)
                .split("WIDTH=")[1].replace("HEIGHT=", "").split()[:2])
        # the pages sit in the middle of the window: click there so the keys go to them
        xdotool(xserver, "mousemove", "--window", window, str(x * 45 // 100), str(y * 40 // 100),
                "click", "1")
        for _ in range(4):
            xdotool(xserver, "key", "--window", window, "--delay", "15", "--repeat", "60",
                    "Next", "Next", "Next", "Next")
            wait_for_line(lines, f"gazette: page {pages}", timeout=60)   # the last page
            assert app.poll() is None, app.stderr.read()
            xdotool(xserver, "key", "--window", window, "Home")
            while wait_for_line(lines, "gazette: page ", timeout=60) != "1":
                pass
        time.sleep(1)
        assert app.poll() is None, app.stderr.read()
    finally:
        app.terminate()
        try:
            _, err = app.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            app.kill()
            _, err = app.communicate()
    assert "Fatal Python error" not in err, err
