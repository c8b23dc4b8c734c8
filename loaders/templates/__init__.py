"""The registry of templates: which template a text is in.

A template is detected by its table markers and titles: the first one whose declared first
table is found, with the title it declares, reads the text. Tests and plug-ins may register
more (register()); an unknown text is refused by loaders.report, naming what is missing.
"""

from __future__ import annotations

from loaders.template import Template
from loaders.templates.final_accounts import TEMPLATE as FINAL_ACCOUNTS
from loaders.templates.jiangsu import TEMPLATE as JIANGSU
from loaders.templates.shanghai import TEMPLATE as SHANGHAI
from loaders.templates.shenzhen import TEMPLATE as SHENZHEN

_REGISTRY: list[Template] = [SHENZHEN, JIANGSU, FINAL_ACCOUNTS, SHANGHAI]


def register(template: Template) -> None:
    if any(t.id == template.id for t in _REGISTRY):
        raise ValueError(f"template {template.id!r} is already registered")
    _REGISTRY.append(template)


def unregister(template_id: str) -> None:
    _REGISTRY[:] = [t for t in _REGISTRY if t.id != template_id]


def templates() -> tuple[Template, ...]:
    return tuple(_REGISTRY)


def by_id(template_id: str) -> Template:
    for template in _REGISTRY:
        if template.id == template_id:
            return template
    raise KeyError(template_id)
