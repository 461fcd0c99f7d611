"""A PyTorch ``nn.Sequential`` of ``Linear`` and ``ReLU`` layers as biasflow's flat ``mlp`` parameters.

biasflow's ``mlp`` layout: layer by layer from the input, each layer's weight W (out × in, row-major: PyTorch's
``nn.Linear.weight``) followed by its bias when the net has biases, i.e. ``torch.cat([p.flatten() for p in
model.parameters()])``. Duck-typed: PyTorch is not imported.
"""

from __future__ import annotations

from typing import Any, Mapping

from ._tensor import to_flat

_PASS = {"ReLU", "Flatten", "Identity"}


def check_model(model: Any, problem: Mapping[str, Any] | None) -> list[Any]:
    """The model's Linear layers, after checking it is an ``mlp`` the spec's ``problem`` describes.

    Raises ValueError naming the first layer that does not fit (its index in the Sequential).
    """
    try:
        layers = list(model)
    except TypeError:
        raise TypeError(
            f"model must be an nn.Sequential of Linear and ReLU layers (saw {type(model).__name__})"
        ) from None
    spec = dict(problem or {})
    if spec and spec.get("kind") != "mlp":
        raise ValueError(f"model= needs an mlp problem; this run's problem is {spec.get('kind')!r} (log params=)")
    relu = spec.get("activation", "relu") == "relu"
    bias = spec.get("bias", True)
    widths = spec.get("widths")
    linear: list[Any] = []
    previous = None
    for i, layer in enumerate(layers):
        name = type(layer).__name__
        where = f"layer {i} ({name})"
        if name == "Linear":
            if previous == "Linear" and relu:
                raise ValueError(f"{where} follows a Linear layer without a ReLU between them, but the mlp's activation is relu")
            if linear and layer.in_features != linear[-1].out_features:
                raise ValueError(f"{where} takes {layer.in_features} inputs but the layer before gives {linear[-1].out_features}")
            if (layer.bias is not None) != bool(bias):
                raise ValueError(f"{where} {'has' if layer.bias is not None else 'has no'} bias but the spec says bias: {str(bool(bias)).lower()}")
            linear.append(layer)
        elif name == "ReLU":
            if not relu:
                raise ValueError(f"{where}: the spec's activation is linear")
            if previous != "Linear":
                raise ValueError(f"{where} must follow a Linear layer")
        elif name == "Flatten" and i == 0 or name == "Identity":
            pass
        else:
            raise ValueError(
                f"{where} is not supported: biasflow's mlp is an nn.Sequential of Linear layers with ReLU between them"
            )
        previous = name if name in ("Linear", "ReLU") else previous
    if not linear:
        raise ValueError("model has no Linear layer")
    if previous == "ReLU":
        raise ValueError(f"layer {len(layers) - 1} (ReLU) ends the model; the mlp's output layer is Linear")
    if widths is not None:
        hidden = [layer.out_features for layer in linear[:-1]]
        if hidden != list(widths):
            raise ValueError(f"the model's hidden widths are {hidden} but the spec's widths are {list(widths)}")
    return linear


def flatten_linear(linear: list[Any]) -> list[float | None]:
    """The flat parameters of checked Linear layers in biasflow's mlp layout."""
    flat: list[float | None] = []
    for i, layer in enumerate(linear):
        flat += to_flat(layer.weight, f"Linear layer {i} weight")[1]
        if layer.bias is not None:
            flat += to_flat(layer.bias, f"Linear layer {i} bias")[1]
    return flat
