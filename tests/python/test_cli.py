"""The wheel installs the `mos` command beside the interpreter."""
import shutil
import subprocess
import sys
from pathlib import Path


def mos_command():
    beside = Path(sys.executable).parent / "mos"
    return str(beside) if beside.exists() else shutil.which("mos")


def test_mos_cli_installed(tmp_path):
    mos = mos_command()
    assert mos, "the `mos` command is not installed"
    model = tmp_path / "m.scad"
    model.write_text('echo("from cli", 6 * 7);\ncube(2);\n')
    out = tmp_path / "m.echo"
    subprocess.run([mos, "-o", str(out), str(model)], check=True, timeout=60)
    assert 'ECHO: "from cli", 42' in out.read_text()
    stl = tmp_path / "m.stl"
    subprocess.run([mos, "-o", str(stl), str(model)], check=True, timeout=60)
    assert stl.read_text().count("facet normal") == 12


def test_mos_cli_reports_syntax_error(tmp_path):
    mos = mos_command()
    model = tmp_path / "bad.scad"
    model.write_text("cube(;\n")
    run = subprocess.run([mos, "-o", str(tmp_path / "bad.echo"), str(model)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode != 0
    assert "bad.scad" in run.stderr + run.stdout
