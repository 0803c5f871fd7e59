"""
Expected metric values for test/unit/evaluate/metrics.test.ts, computed with scikit-learn.

Run with Debian's scikit-learn:  /usr/bin/python3 test/golden/make_metrics.py
It writes metrics.json: for each case its inputs, and for each metric the number and the
scikit-learn call that produced it (the test prints the call beside any mismatch).
"""
import json
import numpy as np
import sklearn
from sklearn import metrics as m

cases = []

def case(name, kind, inputs, results):
    cases.append({"name": name, "kind": kind, "inputs": inputs, "expected": results})

def num(x):
    x = float(x)
    return None if np.isnan(x) else x

def classification(name, y_true, y_pred, labels):
    yt, yp = np.array(y_true), np.array(y_pred)
    r = {}
    def put(key, call, value):
        r[key] = {"call": call, "value": value}
    put("accuracy", "accuracy_score(y_true, y_pred)", num(m.accuracy_score(yt, yp)))
    put("balancedAccuracy", "balanced_accuracy_score(y_true, y_pred)", num(m.balanced_accuracy_score(yt, yp)))
    put("confusion", "confusion_matrix(y_true, y_pred, labels=labels)", m.confusion_matrix(yt, yp, labels=labels).tolist())
    put("confusionNormalized", "confusion_matrix(y_true, y_pred, labels=labels, normalize='true')", np.nan_to_num(m.confusion_matrix(yt, yp, labels=labels, normalize="true")).tolist())
    for avg in ["macro", "weighted", "micro"]:
        p, rc, f, _ = m.precision_recall_fscore_support(yt, yp, labels=labels, average=avg, zero_division=0)
        put(f"precision_{avg}", f"precision_score(y_true, y_pred, labels=labels, average='{avg}', zero_division=0)", num(p))
        put(f"recall_{avg}", f"recall_score(y_true, y_pred, labels=labels, average='{avg}', zero_division=0)", num(rc))
        put(f"f1_{avg}", f"f1_score(y_true, y_pred, labels=labels, average='{avg}', zero_division=0)", num(f))
    p, rc, f, s = m.precision_recall_fscore_support(yt, yp, labels=labels, average=None, zero_division=0)
    put("perClass", "precision_recall_fscore_support(y_true, y_pred, labels=labels, average=None, zero_division=0)", {"precision": p.tolist(), "recall": rc.tolist(), "f1": f.tolist(), "support": s.tolist()})
    put("mcc", "matthews_corrcoef(y_true, y_pred)", num(m.matthews_corrcoef(yt, yp)))
    case(name, "classification", {"yTrue": y_true, "yPred": y_pred, "classes": len(labels)}, r)

classification("multiclass", [0, 1, 2, 2, 1, 0, 2, 1, 1, 0], [0, 2, 2, 2, 1, 0, 1, 1, 0, 0], [0, 1, 2])
classification("a class never predicted", [0, 1, 2, 2, 1, 0], [0, 1, 1, 1, 1, 0], [0, 1, 2])
classification("a single class in y_true", [1, 1, 1, 1], [1, 0, 1, 1], [0, 1])
classification("binary", [0, 0, 1, 1, 1, 0, 1, 0], [0, 1, 1, 1, 0, 0, 1, 0], [0, 1])

def probabilistic(name, y_true, proba):
    yt, P = np.array(y_true), np.array(proba)
    k = P.shape[1]
    r = {}
    def put(key, call, value):
        r[key] = {"call": call, "value": value}
    put("logLoss", "log_loss(y_true, proba, labels=range(k), eps=1e-15)", num(m.log_loss(yt, P, labels=list(range(k)), eps=1e-15)))
    if k == 2:
        s = P[:, 1]
        put("rocAuc", "roc_auc_score(y_true, proba[:, 1])", num(m.roc_auc_score(yt, s)))
        fpr, tpr, thr = m.roc_curve(yt, s, drop_intermediate=False)
        put("roc", "roc_curve(y_true, proba[:, 1], drop_intermediate=False)", {"fpr": fpr.tolist(), "tpr": tpr.tolist(), "thresholds": [None if np.isinf(t) else float(t) for t in thr]})
        pr, rc, thr = m.precision_recall_curve(yt, s)
        put("pr", "precision_recall_curve(y_true, proba[:, 1])", {"precision": pr.tolist(), "recall": rc.tolist(), "thresholds": thr.tolist()})
        put("averagePrecision", "average_precision_score(y_true, proba[:, 1])", num(m.average_precision_score(yt, s)))
    else:
        put("rocAucMacro", "roc_auc_score(y_true, proba, multi_class='ovr', average='macro')", num(m.roc_auc_score(yt, P, multi_class="ovr", average="macro", labels=list(range(k)))))
        put("rocAucWeighted", "roc_auc_score(y_true, proba, multi_class='ovr', average='weighted')", num(m.roc_auc_score(yt, P, multi_class="ovr", average="weighted", labels=list(range(k)))))
    case(name, "probabilistic", {"yTrue": y_true, "proba": proba}, r)

probabilistic("binary scores", [0, 0, 1, 1, 1, 0, 1, 0], [[0.9, 0.1], [0.6, 0.4], [0.35, 0.65], [0.2, 0.8], [0.55, 0.45], [0.7, 0.3], [0.1, 0.9], [0.4, 0.6]])
probabilistic("tied scores", [0, 1, 1, 0, 1, 0], [[0.5, 0.5], [0.5, 0.5], [0.2, 0.8], [0.8, 0.2], [0.2, 0.8], [0.2, 0.8]])
probabilistic("a confident mistake", [1, 0], [[1.0, 0.0], [1.0, 0.0]])
probabilistic("three classes", [0, 1, 2, 2, 1, 0, 2], [[0.7, 0.2, 0.1], [0.2, 0.5, 0.3], [0.1, 0.3, 0.6], [0.3, 0.3, 0.4], [0.4, 0.4, 0.2], [0.5, 0.3, 0.2], [0.2, 0.2, 0.6]])

def regression(name, y_true, y_pred):
    yt, yp = np.array(y_true, dtype=float), np.array(y_pred, dtype=float)
    r = {}
    def put(key, call, value):
        r[key] = {"call": call, "value": value}
    put("mse", "mean_squared_error(y_true, y_pred)", num(m.mean_squared_error(yt, yp)))
    put("rmse", "mean_squared_error(y_true, y_pred, squared=False)", num(m.mean_squared_error(yt, yp, squared=False)))
    put("mae", "mean_absolute_error(y_true, y_pred)", num(m.mean_absolute_error(yt, yp)))
    put("r2", "r2_score(y_true, y_pred)", num(m.r2_score(yt, yp)))
    put("medianAe", "median_absolute_error(y_true, y_pred)", num(m.median_absolute_error(yt, yp)))
    put("mape", "mean_absolute_percentage_error(y_true, y_pred)", num(m.mean_absolute_percentage_error(yt, yp)))
    case(name, "regression", {"yTrue": y_true, "yPred": y_pred}, r)

regression("regression", [3.0, -0.5, 2.0, 7.0, 4.2], [2.5, 0.0, 2.0, 8.0, 3.9])
regression("a constant target", [2.0, 2.0, 2.0], [2.0, 2.5, 1.5])
regression("a perfect fit of a constant", [2.0, 2.0], [2.0, 2.0])
regression("a target at zero", [0.0, 1.0, 2.0], [0.1, 1.1, 1.8])

json.dump({"sklearn": sklearn.__version__, "cases": cases}, open(__file__.replace("make_metrics.py", "metrics.json"), "w"), indent=1)
print(f"{len(cases)} cases written with scikit-learn {sklearn.__version__}")
