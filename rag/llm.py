"""Chat models: a GGUF file in-process with ``llama-cpp-python``, or any OpenAI-compatible server.

Both stream text pieces and count tokens, so the prompt can be packed to the context window.
The in-process model is guarded by a lock: one llama.cpp context serves one generation at a time,
and concurrent callers queue for it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from rag.config import Settings
from rag.errors import ModelNotFoundError, RagError

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"


class LLMError(RagError):
    """The model could not answer: server down, bad response, context overflow."""


class ChatModel(Protocol):
    name: str
    n_ctx: int

    def count_tokens(self, text: str) -> int: ...

    def stream(
        self, messages: list[dict], *, max_tokens: int, temperature: float, stop: list[str] | None = None,
        repeat_penalty: float = 1.0,
    ) -> Iterator[str]: ...


def default_gguf() -> Path:
    """The bundled GGUF: ./models next to the package (a source checkout), else next to the working folder."""
    for folder in (ROOT / "models", Path.cwd() / "models"):
        if (folder / BUNDLED_GGUF).is_file():
            return folder / BUNDLED_GGUF
    return ROOT / "models" / BUNDLED_GGUF


class LlamaCppModel:
    """A GGUF file loaded in this process; the chat template comes from the GGUF's metadata."""

    def __init__(self, path: Path, *, n_ctx: int = 2048, n_threads: int | None = None, n_gpu_layers: int = 0) -> None:
        path = Path(path).expanduser()
        if not path.is_file():
            raise ModelNotFoundError(
                f"GGUF model file not found: {path}. Run scripts/setup.sh to fetch the bundled model, or set "
                "RAG_LLM_MODEL_PATH to a .gguf file"
            )
        self.path = path
        self.name = path.name
        self.n_ctx = n_ctx
        self._n_threads = n_threads
        self._n_gpu_layers = n_gpu_layers
        self._llama = None
        self._openings: dict[tuple, tuple[int, ...]] = {}
        self._primed: tuple[int, ...] = ()
        self.lock = threading.RLock()

    @property
    def llama(self):
        with self.lock:
            if self._llama is None:
                from llama_cpp import Llama

                try:
                    self._llama = Llama(
                        model_path=str(self.path),
                        n_ctx=self.n_ctx,
                        n_threads=self._n_threads,
                        n_gpu_layers=self._n_gpu_layers,
                        verbose=False,
                    )
                except (ValueError, RuntimeError) as exc:
                    raise ModelNotFoundError(f"cannot load GGUF model {self.path}: {exc}") from exc
            return self._llama

    def count_tokens(self, text: str) -> int:
        with self.lock:
            return len(self.llama.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    def stream(
        self, messages: list[dict], *, max_tokens: int, temperature: float, stop: list[str] | None = None,
        repeat_penalty: float = 1.0,
    ) -> Iterator[str]:
        with self.lock:  # held until the generator is exhausted or closed
            try:
                # every prompt is evaluated as its opening (evaluated on its own) plus the rest in one go: reusing
                # the previous prompt's cache instead, up to where it differs, changed the arithmetic slightly, and
                # with it, now and then, the answer (seen: the same question answered in two wordings in one chat
                # and alone)
                self._prime(messages)
                chunks = self.llama.create_chat_completion(
                    messages, max_tokens=max_tokens, temperature=temperature, stop=stop or None, stream=True,
                    repeat_penalty=repeat_penalty,
                )
                for chunk in chunks:
                    piece = chunk["choices"][0]["delta"].get("content")
                    if piece:
                        yield piece
            except ValueError as exc:  # llama.cpp: "Requested tokens exceed context window"
                raise LLMError(f"{self.name}: {exc}") from exc

    def _prime(self, messages: list[dict]) -> None:
        """Leave in the llama.cpp cache only the opening every prompt of this shape shares (the system turn and the
        start of the last turn, as the chat template writes them), evaluated on its own, so that ``generate``
        evaluates the rest of the prompt after it. The system prompt is then not evaluated again for every answer
        (78 of the 300-500 tokens of an answer prompt with the default prompts), and the answer is the same as from an
        empty cache (docs/ask.md, "Latency")."""
        llama = self.llama
        opening = self._opening(messages)
        if opening and opening == self._primed and llama.n_tokens >= len(opening) \
                and tuple(llama.input_ids[: len(opening)].tolist()) == opening:
            llama.n_tokens = len(opening)  # generate() drops the cache after it
            return
        llama.reset()
        self._primed = ()
        if opening:
            llama.eval(list(opening))
            self._primed = opening

    def _opening(self, messages: list[dict]) -> tuple[int, ...]:
        """The tokens every prompt with these messages before the last one starts with: the common start of the
        prompt written with two different last contents; () when the GGUF has no chat template."""
        key = (*((m["role"], m["content"]) for m in messages[:-1]), messages[-1]["role"]) if messages else ()
        if key not in self._openings:
            llama = self.llama
            template = llama.metadata.get("tokenizer.chat_template")
            opening: tuple[int, ...] = ()
            if template and messages:
                try:  # the chat template as llama-cpp-python applies it (its Llama builds the same formatter)
                    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

                    text = llama._model.token_get_text
                    written = Jinja2ChatFormatter(template=template, eos_token=text(llama.token_eos()),
                                                  bos_token=text(llama.token_bos()))
                    prompts = []
                    for content in ("\x01", "\x02"):
                        result = written(messages=[*messages[:-1], {**messages[-1], "content": content}])
                        prompts.append(llama.tokenize(result.prompt.encode("utf-8"), add_bos=not result.added_special,
                                                      special=True))
                except Exception as exc:  # noqa: BLE001 - without an opening every prompt starts from an empty cache
                    log.debug("no cached prompt opening for %s: %s", self.name, exc)
                    prompts = [[], []]
                for a, b in zip(*prompts):
                    if a != b:
                        break
                    opening += (a,)
            if len(self._openings) >= 16:  # the engine asks in two shapes (answer, condense); keep it bounded
                self._openings.clear()
            self._openings[key] = opening
        return self._openings[key]


class OpenAICompatibleModel:
    """A chat model behind ``/v1/chat/completions`` (llama.cpp server, Ollama, vLLM, TGI, ...).

    Servers do not share a tokenizer endpoint, so tokens are estimated at 3 characters each, which
    over-counts English text for the common tokenizers and keeps the packed prompt inside the window.
    """

    CHARS_PER_TOKEN = 3.0

    def __init__(self, base_url: str, model: str, *, api_key: str = "none", n_ctx: int = 2048, timeout: float = 120.0) -> None:
        from openai import OpenAI

        self.base_url = base_url.rstrip("/")
        self.name = model
        self.n_ctx = n_ctx
        self.client = OpenAI(base_url=self.base_url, api_key=api_key or "none", timeout=timeout, max_retries=1)

    def count_tokens(self, text: str) -> int:
        return int(len(text) / self.CHARS_PER_TOKEN) + 1

    def stream(
        self, messages: list[dict], *, max_tokens: int, temperature: float, stop: list[str] | None = None,
        repeat_penalty: float = 1.0,
    ) -> Iterator[str]:
        import openai

        try:
            response = self.client.chat.completions.create(
                model=self.name, messages=messages, max_tokens=max_tokens, temperature=temperature, stream=True,
                **({"stop": stop[:4]} if stop else {}),
                # llama.cpp server's name for it; sent only when asked for, since other servers may refuse it
                **({"extra_body": {"repeat_penalty": repeat_penalty}} if repeat_penalty != 1.0 else {}),
            )
            for chunk in response:
                if chunk.choices and chunk.choices[0].delta and chunk.choices[0].delta.content:
                    yield chunk.choices[0].delta.content
        except openai.APIConnectionError as exc:
            raise LLMError(f"cannot reach the model server at {self.base_url}: {exc}") from exc
        except openai.APIStatusError as exc:
            raise LLMError(f"model server at {self.base_url} answered {exc.status_code}: {exc.message}") from exc
        except openai.APIError as exc:
            raise LLMError(f"model server at {self.base_url}: {exc}") from exc


def open_model(settings: Settings) -> ChatModel:
    """The chat model the settings ask for (the GGUF is loaded on first use, not here)."""
    if settings.llm_backend == "openai":
        return OpenAICompatibleModel(
            settings.llm_base_url,
            settings.llm_model,
            api_key=settings.llm_api_key,
            n_ctx=settings.n_ctx,
            timeout=settings.llm_timeout_s,
        )
    return LlamaCppModel(
        settings.llm_model_path or default_gguf(),
        n_ctx=settings.n_ctx,
        n_threads=settings.n_threads,
        n_gpu_layers=settings.n_gpu_layers,
    )
