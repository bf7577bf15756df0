"""The app under measurement: `streamlit run` on 127.0.0.1, its CPU and RSS, a py-spy recording.

Linux only (CPU and memory come from /proc); py-spy comes with the `bench` extra.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from profile_split import print_split

ROOT = Path(__file__).resolve().parents[1]
TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    """Returns a port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class AppServer:
    """`streamlit run dashboard/streamlit_app.py` on a free loopback port, stopped on exit."""

    def __init__(self, db_path: Path, extra_args: list[str], root: Path = ROOT) -> None:
        self.db_path, self.extra_args, self.root = db_path, extra_args, root
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = Path(tempfile.gettempdir()) / "bench_load" / "streamlit.log"
        self._cpu0 = self._wall0 = 0.0
        self.peak_mb = 0.0

    def __enter__(self) -> AppServer:
        env = {**os.environ, "DASHBOARD_DB": str(self.db_path), "PYTHONPATH": str(self.root)}
        env.pop("DASHBOARD_DB_KEY", None)
        command = [sys.executable, "-m", "streamlit", "run", "dashboard/streamlit_app.py"]
        command += ["--server.address", "127.0.0.1", "--server.port", str(self.port)]
        with self.log.open("w") as log:  # a pipe nobody reads would block the server
            self.proc = subprocess.Popen(
                command + self.extra_args, cwd=self.root, env=env, stdout=log, stderr=log
            )
        self._wait_healthy()
        return self

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()

    def _wait_healthy(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"streamlit exited with {self.proc.returncode}; see {self.log}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as resp:
                    if resp.read().strip() == b"ok":
                        return
            except OSError:
                time.sleep(0.3)
        raise SystemExit("streamlit did not become healthy")

    def cpu_seconds(self) -> float:
        """Returns user + system CPU seconds the server used so far (all threads)."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS

    def rss_mb(self) -> tuple[float, float]:
        """Returns (current, peak) resident memory of the server in MB."""
        status = dict(
            line.split(":", 1)
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines()
        )
        return int(status["VmRSS"].split()[0]) / 1024, int(status["VmHWM"].split()[0]) / 1024

    def browser_cpu_seconds(self) -> float:
        """Returns the CPU seconds used so far by the browser processes this benchmark started
        (descendants of this process other than the server): where the rest of the time goes."""
        return sum(_cpu(pid) for pid in _descendants(os.getpid()) if pid != self.proc.pid)

    def usage_start(self) -> None:
        """Starts counting CPU and wall time for one phase."""
        self._cpu0, self._wall0 = self.cpu_seconds(), time.monotonic()
        self._browser0 = self.browser_cpu_seconds()

    def usage_stop(self) -> dict:
        """Returns CPU seconds, wall seconds and RSS since usage_start."""
        rss, peak = self.rss_mb()
        return {
            "cpu_s": self.cpu_seconds() - self._cpu0,
            "browser_cpu_s": self.browser_cpu_seconds() - self._browser0,
            "wall_s": time.monotonic() - self._wall0,
            "rss_mb": rss,
            "peak_mb": peak,
        }

    def profile(self, seconds: float) -> tuple[subprocess.Popen, Path] | None:
        """Starts py-spy on the server (busy threads only); stop with print_profile."""
        spy = shutil.which("py-spy")
        if spy is None:
            print("py-spy not found: pip install -e '.[bench]'")
            return None
        out = Path(tempfile.gettempdir()) / "bench_load" / f"profile_{self.port}.txt"
        command = [spy, "record", "--pid", str(self.proc.pid), "--format", "raw"]
        command += ["--rate", "50", "--duration", str(int(seconds)), "--output", str(out)]
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return proc, out

    def print_profile(self, recording: tuple[subprocess.Popen, Path]) -> None:
        """Stops py-spy (it writes its file on SIGINT) and prints the CPU split."""
        proc, out = recording
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
        if not out.exists():
            print("py-spy wrote no profile (needs ptrace: run as root or set ptrace_scope 0)")
            return
        print_split(out)


def _cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:  # the process has ended
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def _descendants(root: int) -> list[int]:
    """Returns the pids of every living process below `root` (from /proc's parent links)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found
