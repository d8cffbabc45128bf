"""Arrow column types shared by the table schemas.

Every column is an Arrow type (``pd.ArrowDtype``) so Parquet, pandas, DuckDB and
Polars all see the same types, and nulls stay nulls (pandas' own ``str`` dtype
would turn None into NaN).
"""

from __future__ import annotations

from typing import Annotated

import pandas as pd
import pyarrow as pa

STRING = Annotated[pd.ArrowDtype, pa.string()]
INT32 = Annotated[pd.ArrowDtype, pa.int32()]
INT64 = Annotated[pd.ArrowDtype, pa.int64()]
FLOAT64 = Annotated[pd.ArrowDtype, pa.float64()]
BOOL = Annotated[pd.ArrowDtype, pa.bool_()]
TIMESTAMP = Annotated[pd.ArrowDtype, pa.timestamp("us", tz="UTC")]
STRING_LIST = Annotated[pd.ArrowDtype, pa.list_(pa.string())]
CUE_STRUCT = pa.struct(
    [("kind", pa.string()), ("text", pa.string()), ("start", pa.int32()), ("end", pa.int32())]
)
CUE_LIST = Annotated[pd.ArrowDtype, pa.list_(CUE_STRUCT)]
