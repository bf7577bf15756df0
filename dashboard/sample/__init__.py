"""Sample data: the demo program (every signal occurs, by design) and a generator for any size.

- `write_demo(out_dir)` writes the demo as canonical CSVs; `load_demo(con, scope=...)` imports
  it as program `demo` through the importer (is_demo) and sets its as-of date.
- `generate(out_dir, supporters, seed)` writes a synthetic program of any size (benchmarks).
- `dashboard.sample.variants` writes the demo the way German Excel and KoboToolbox save it.
"""

from .demo import DEMO_AS_OF, DEMO_PROGRAM, build_demo, write_demo
from .generate import generate
from .load import load_demo

__all__ = ["DEMO_AS_OF", "DEMO_PROGRAM", "build_demo", "generate", "load_demo", "write_demo"]
