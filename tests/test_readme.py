"""The README's Python and LangChain examples, run as written against an index of sample_docs/."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT


def readme_python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), flags=re.S)


def test_readme_has_the_api_and_langchain_examples():
    blocks = readme_python_blocks()
    assert any("rag.open(" in b for b in blocks) and any("answer_chain" in b for b in blocks)


@pytest.mark.slow
def test_readme_examples_run(sample_index, tmp_path):
    shutil.copytree(sample_index, tmp_path / ".rag-index")
    script = tmp_path / "examples.py"
    script.write_text("\n".join(readme_python_blocks()), encoding="utf-8")
    # the HTTP example talks to `rag serve` on its default address, as a reader would run it
    server = subprocess.Popen([sys.executable, "-m", "rag.cli", "serve", "--index", str(tmp_path / ".rag-index")],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for("http://127.0.0.1:8000/healthz", server)
        result = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=600)
    finally:
        server.terminate()
        server.wait(30)
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    assert out.count("58 euros within the European Union") >= 2  # the chain's answer and the server's, the same model
    assert "'supported': True" in out
    first = out.splitlines()[0]  # the model's wording may change with the prompt; the fact and its marker may not
    assert "35 minutes" in first and "[1]" in first, first
    assert "water_treatment_report_2023.pdf 2 True" in out or "water_treatment_report_2023.pdf 3 True" in out
    assert "travel_policy.docx" in out and "maintenance_window.eml" in out
    assert "piece.refused=False" in out
    assert "When does the Riverside branch close on Sunday?" in out  # the follow-up written out


def _wait_for(url: str, server: subprocess.Popen, timeout: float = 180) -> None:
    import time

    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stderr.read()[-2000:]
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer")
