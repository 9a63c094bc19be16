"""examples/choose_kols.ipynb runs headless (nbclient + ipykernel) against the real engine; any failing
cell fails the test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kol_testing import REPO

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOK = REPO / "clients" / "python" / "examples" / "choose_kols.ipynb"


def test_choose_kols_notebook_executes(engine_binary, monkeypatch):
    # The kernel inherits the environment: the engine to run and the package source (also without pip install).
    monkeypatch.setenv("KOL_ENGINE", engine_binary)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(REPO / "clients" / "python"),
                                                                     os.environ.get("PYTHONPATH")])))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.get("outputs", [])]
    text = "".join(output.get("text", "") for output in outputs if output.get("output_type") == "stream")
    assert "14 KOLs loaded, 0 errors" in text
    assert any("image/png" in output.get("data", {}) for output in outputs), "the plot cell drew nothing"


def test_notebook_is_stored_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")
