"""Over SSH, for real: Debian's OpenSSH server on 127.0.0.1, the README's `Match Group` block, a learner in tmux.

The test starts `sshd` on a free port of 127.0.0.1 from a configuration in a temporary folder:
a host key and a client key made for the test, `AuthorizedKeysFile` pointing at the client's
public key, and the `Match Group learners` block of README.md ("Host it for a class") with the
group set to the one this test runs as and `ForceCommand` starting the installed tutor with a
fresh `TUTOR_DATA_DIR`. `ssh -tt` runs inside tmux at 80x24 and is driven like a learner:
home, open the lesson, next section, the REPL (`2+2` shows `4`), an explorable moved one step,
quit; then a second login (asking for a different command, which ForceCommand overrides)
resumes at that section. The server is stopped at the end; nothing leaves 127.0.0.1.

`.ci/run` installs openssh-server and openssh-client, so in CI this never skips. (Running as
root, as CI does, the configuration also sets `UsePAM no` and `StrictModes no`, and the
privilege-separation folder /run/sshd is created when missing.)
"""

from __future__ import annotations

import getpass
import grp
import os
import re
import shlex
import shutil
import socket
import sqlite3
import stat
import subprocess
import time
from pathlib import Path

import pytest

from lessons.maths_foundations import LESSON
from tests.helpers import TUTOR
from tests.tmux import HAVE_TMUX, Terminal, colour_codes
from tutor.lesson.format import Checkpoint, Example, Exercise, Explorable, Figure, Quiz

ROOT = Path(__file__).resolve().parents[1]
SEARCH = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/usr/local/sbin", "/sbin"])
SSHD = shutil.which("sshd", path=SEARCH)
SSH = shutil.which("ssh", path=SEARCH)
SSH_KEYGEN = shutil.which("ssh-keygen", path=SEARCH)
SECTIONS = len(LESSON.sections)
README_COMMAND = "/opt/tutor/bin/tutor"
README_GROUP = "Match Group learners"

pytestmark = [
    pytest.mark.ssh,
    pytest.mark.terminal,
    pytest.mark.skipif(not HAVE_TMUX, reason="tmux is not installed (.ci/run installs it)"),
    pytest.mark.skipif(
        not (SSHD and SSH and SSH_KEYGEN),
        reason="OpenSSH is not installed: sshd, ssh and ssh-keygen are needed "
        "(.ci/run installs openssh-server and openssh-client)",
    ),
    pytest.mark.skipif(not TUTOR.exists(), reason=f"the tutor console script is not installed at {TUTOR}"),
]


def readme_block() -> str:
    """The `Match Group learners` block from README.md's "Host it for a class"."""
    readme = (ROOT / "README.md").read_text()
    found = re.search(r"```sshd_config\n(.*?)```", readme, re.S)
    assert found, "README.md has no ```sshd_config block (section 'Host it for a class')"
    block = found.group(1)
    assert README_GROUP in block and f"ForceCommand {README_COMMAND}" in block, block
    return block


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """sshd in the foreground (-D), configured and keyed in `folder`, listening on 127.0.0.1 only."""

    def __init__(self, folder: Path, data: Path):
        folder.mkdir(mode=0o700, exist_ok=True)
        self.folder = folder
        self.port = free_port()
        self.client_key = folder / "learner_key"
        host_key = folder / "host_ed25519"
        for key in (host_key, self.client_key):
            subprocess.run([SSH_KEYGEN, "-q", "-t", "ed25519", "-N", "", "-C", "tutor-test", "-f", str(key)],
                           check=True, timeout=30)
        authorized = folder / "authorized_keys"
        shutil.copy(f"{self.client_key}.pub", authorized)
        authorized.chmod(0o600)
        group = grp.getgrgid(os.getgid()).gr_name
        command = f"env TUTOR_DATA_DIR={shlex.quote(str(data))} {shlex.quote(str(TUTOR))}"
        block = readme_block().replace(README_GROUP, f"Match Group {group}").replace(README_COMMAND, command)
        self.config = folder / "sshd_config"
        self.config.write_text(
            f"Port {self.port}\n"
            "ListenAddress 127.0.0.1\n"
            f"HostKey {host_key}\n"
            f"PidFile {folder / 'sshd.pid'}\n"
            f"AuthorizedKeysFile {authorized}\n"
            "PubkeyAuthentication yes\n"
            "PasswordAuthentication no\n"
            "KbdInteractiveAuthentication no\n"
            "PermitRootLogin prohibit-password\n"
            "UsePAM no\n"
            "StrictModes no\n"
            "PrintMotd no\n"
            "PrintLastLog no\n"
            "LogLevel VERBOSE\n"
            + block
        )
        if os.geteuid() == 0:
            Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # sshd's privilege-separation folder
        check = subprocess.run([SSHD, "-t", "-f", str(self.config)], capture_output=True, text=True, timeout=30)
        assert check.returncode == 0, f"sshd rejects the configuration:\n{check.stderr}"
        self.log = folder / "sshd.log"
        self.process = subprocess.Popen(
            [SSHD, "-D", "-f", str(self.config), "-E", str(self.log)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        self._wait_until_listening()

    def _wait_until_listening(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"sshd exited with {self.process.returncode}:\n{self.log_text()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as connection:
                    if connection.recv(64).startswith(b"SSH-2.0-"):
                        return
            except OSError:
                time.sleep(0.05)
        raise AssertionError(f"sshd never listened on 127.0.0.1:{self.port}:\n{self.log_text()}")

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else "(no log)"

    def ssh_command(self, remote: str = "") -> str:
        """The learner's ssh command line: a forced tty, this test's key, no host-key prompts, no user config."""
        args = [
            SSH, "-F", "/dev/null", "-tt", "-p", str(self.port), "-i", str(self.client_key),
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
            "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-o", "BatchMode=yes",
            "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=20",
            f"{getpass.getuser()}@127.0.0.1",
        ]
        return shlex.join(args) + (f" {shlex.quote(remote)}" if remote else "")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


@pytest.fixture
def server(tmp_path):
    running = Server(tmp_path / "sshd", tmp_path / "learner-data")
    yield running
    running.stop()


@pytest.fixture
def login(server, tmp_path):
    """Open a learner's SSH session in tmux at 80x24: `login(remote_command="")`."""
    opened: list[Terminal] = []

    def connect(remote: str = "") -> Terminal:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(tmp_path),
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",  # set on the learner's side; OpenSSH does not forward it
        }
        opened.append(Terminal(server.ssh_command(remote), env, (80, 24)))
        return opened[-1]

    yield connect
    for terminal in opened:
        terminal.close()


# -- the REPL and an explorable --------------------------------------------------------------------

def _wait_quietly(terminal: Terminal, check, timeout: float) -> bool:
    try:
        terminal.wait_until(check, "", timeout)
        return True
    except AssertionError:
        return False


def shows_result(screen: str, source: str, result: str) -> bool:
    """True when a line `>>> source` is followed (within three lines) by a line reading `result`."""
    lines = [line.strip(" │▕") for line in screen.splitlines()]
    for index, line in enumerate(lines):
        if line.endswith(f">>> {source}"):
            return any(later.strip() == result for later in lines[index + 1:index + 4])
    return False


def use_the_repl(terminal: Terminal) -> None:
    """`r` opens the REPL, `2+2` shows `4`, escape returns to the text."""
    terminal.keys("r")
    terminal.wait_for(">>>")
    terminal.wait_for("Back to lesson")  # the prompt's keys in the footer: typing goes in
    terminal.type("2+2")
    terminal.keys("Enter")
    terminal.wait_until(lambda shown: shows_result(shown, "2+2", "4"), "`2+2` showing `4` in the REPL")
    terminal.keys("Escape")
    terminal.wait_until(lambda shown: "n Next" in shown.splitlines()[-1], "focus back on the text")


def first_explorable_from(section: int) -> tuple[int, int] | None:
    """(section number, how many Tabs reach it) of the first explorable at or after `section`."""
    for number in range(section, SECTIONS + 1):
        interactive = [block for block in LESSON.sections[number - 1].blocks
                       if isinstance(block, (Checkpoint, Example, Figure, Explorable, Exercise, Quiz))]
        for position, block in enumerate(interactive, start=1):
            if isinstance(block, Explorable):
                return number, position
    return None


def move_an_explorable(terminal: Terminal, section: int) -> int:
    """Go on to the next explorable, Tab to it, press `right`: the drawing changes. Returns the section now shown."""
    found = first_explorable_from(section)
    assert found, "the lesson has no explorable to move"
    number, tabs = found
    while section < number:
        section += 1
        terminal.keys("n")
        terminal.wait_for(f"Section {section} of {SECTIONS}")
    for _ in range(tabs):
        terminal.keys("Tab")
        if _wait_quietly(terminal, lambda shown: "Change" in shown.splitlines()[-1], 5):
            break
    before = terminal.wait_until(lambda shown: "Change" in shown.splitlines()[-1], "an explorable taking focus")
    before = terminal.wait_steady()
    terminal.keys("Right")
    terminal.wait_until(lambda shown: shown != before, "the explorable redrawing after `right`")
    return section


# -- the test --------------------------------------------------------------------------------------

def test_a_learner_over_ssh_reads_tries_quits_and_resumes(server, login, tmp_path):
    first = login()
    home = first.wait_for(f"0/{SECTIONS}", timeout=60)
    assert "Lessons" in home and LESSON.title in home
    codes = colour_codes(first.styled())
    assert any(";5;" in code for code in codes), "not drawn in 256 colours over SSH"
    assert not any(";2;" in code for code in codes), "truecolor over SSH: COLORTERM was forwarded?"

    first.keys("Enter")
    first.wait_for(f"Section 1 of {SECTIONS}")
    first.keys("n")
    shown = first.wait_for(f"Section 2 of {SECTIONS}")
    assert f"2. {LESSON.sections[1].title}" in shown
    use_the_repl(first)
    section = move_an_explorable(first, 2)
    first.keys("q")
    first.wait_for("[exited 0]")  # ssh's status is the tutor's: it quit cleanly

    progress = tmp_path / "learner-data" / "progress.sqlite3"
    assert stat.S_IMODE(progress.stat().st_mode) == 0o600
    with sqlite3.connect(progress) as db:
        where = db.execute("SELECT section_id FROM position WHERE lesson_id = ?", (LESSON.id,)).fetchone()
    assert where == (LESSON.sections[section - 1].id,)

    again = login("echo this command is overridden by ForceCommand")
    # the same section, scrolled to where the learner was: the explorable they moved is in view
    title = LESSON.sections[section - 1].title
    shown = again.wait_for(f"{section}/{SECTIONS} {title}", timeout=60)
    explorable = next(block for block in LESSON.sections[section - 1].blocks if isinstance(block, Explorable))
    shown = again.wait_for(explorable.title)
    assert "overridden" not in shown
    again.keys("Escape")
    home = again.wait_for("Lessons")  # wait: an escape and a q arriving together read as alt+q
    assert f"{section}/{SECTIONS}" in home
    again.keys("q")
    again.wait_for("[exited 0]")
    assert "Accepted publickey" in server.log_text()
