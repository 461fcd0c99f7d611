"""biasflow: log your own training loop to a biasflow server, which analyses it live.

    import biasflow
    with biasflow.start(spec, url="http://127.0.0.1:8000", name="my-run", config={"lr": 0.1}) as run:
        for step in range(steps):
            ...                                   # your own training step
            run.log(step, params=w, metrics={"loss": loss})

Standard library only; accepts lists, NumPy arrays and PyTorch tensors.
"""

from ._http import BiasflowError
from ._run import Run, start
from ._schedule import LogThinner
from ._tensor import to_flat

__all__ = ["BiasflowError", "LogThinner", "Run", "start", "to_flat"]
__version__ = "0.1.0"
