"""
Expected Prepare figures for test/unit/prepare/prepare-golden.test.ts, computed with scikit-learn
and numpy on one small table: each step fitted on all of its rows (they are the training rows),
then applied to them.

Run with a Python that has scikit-learn:  python3 test/golden/make_prepare.py
It writes prepare.json: the table's cells, and for each case the step, the scikit-learn (or
numpy) call, and the column(s) it gives, missing as null.
"""
import json
import numpy as np
import sklearn
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import MinMaxScaler, OneHotEncoder, RobustScaler, StandardScaler

rng = np.random.default_rng(7)
n = 60
x = np.round(rng.normal(50, 12, n), 3)
x[[3, 17, 29, 44]] = np.nan
x[8] = 400.0  # an outlier
y = np.round(rng.exponential(5, n), 2)
y[[5, 6]] = y[4]  # ties, for the most frequent value
colours = np.array(rng.choice(["red", "green", "blue", "pink", "teal"], n, p=[0.4, 0.3, 0.15, 0.1, 0.05]), dtype=object)

def cells(a):
    return ["" if (isinstance(v, float) and np.isnan(v)) else (v if isinstance(v, str) else repr(float(v))) for v in a]

def column(a):
    return [None if np.isnan(v) else float(v) for v in a]

cases = []
def case(name, step, call, expected):
    cases.append({"name": name, "step": step, "call": call, "expected": expected})

X = x.reshape(-1, 1)
for strategy, ours in [("mean", "mean"), ("median", "median"), ("most_frequent", "most-frequent")]:
    out = SimpleImputer(strategy=strategy).fit_transform(y.reshape(-1, 1) if strategy == "most_frequent" else X)[:, 0]
    col = "y" if strategy == "most_frequent" else "x"
    case(f"impute {strategy}", {"kind": "impute", "params": {"columns": [col], "strategy": ours}}, f"SimpleImputer(strategy='{strategy}').fit_transform({col})", {col: column(out)})

# Scalers ignore NaN when fitting and keep it when transforming, as the scale step does.
for name, scaler, method in [("standard", StandardScaler(), "standard"), ("min-max", MinMaxScaler(), "minmax"), ("robust", RobustScaler(), "robust")]:
    out = scaler.fit_transform(X)[:, 0]
    case(f"scale {name}", {"kind": "scale", "params": {"columns": ["x"], "method": method}}, f"{type(scaler).__name__}().fit_transform(x)", {"x": column(out)})

# One-hot with a cap: max_categories counts the infrequent column, as the step's cap does.
enc = OneHotEncoder(max_categories=3, sparse_output=False, handle_unknown="infrequent_if_exist").fit(colours.reshape(-1, 1))
out = enc.transform(colours.reshape(-1, 1))
names = [f.replace("x0_", "colour=").replace("infrequent_sklearn", "other") for f in enc.get_feature_names_out()]
case("one-hot, at most 3 columns", {"kind": "one-hot", "params": {"column": "colour", "maxCategories": 3}}, "OneHotEncoder(max_categories=3).fit_transform(colour)", {nm: [float(v) for v in out[:, k]] for k, nm in enumerate(names)})

# IQR clip bounds from numpy's linear percentiles (no scikit-learn step does this).
present = x[~np.isnan(x)]
q1, q3 = np.percentile(present, [25, 75])
lo, hi = q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)
case("outliers IQR, clipped", {"kind": "outliers", "params": {"columns": ["x"], "rule": "iqr", "factor": 1.5, "action": "clip"}}, "np.clip(x, q1 - 1.5 IQR, q3 + 1.5 IQR), np.percentile linear", {"x": column(np.clip(x, lo, hi))})
mu, sd = present.mean(), present.std()
case("outliers z-score 2, clipped", {"kind": "outliers", "params": {"columns": ["x"], "rule": "zscore", "factor": 2, "action": "clip"}}, "np.clip(x, mean - 2 std, mean + 2 std), population std", {"x": column(np.clip(x, mu - 2 * sd, mu + 2 * sd))})

json.dump({"sklearn": sklearn.__version__, "numpy": np.__version__, "table": {"x": cells(x), "y": cells(y), "colour": list(colours)}, "cases": cases}, open(__file__.replace("make_prepare.py", "prepare.json"), "w"), indent=1)
