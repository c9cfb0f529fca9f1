"""Times scipy.optimize.linear_sum_assignment on a matrix stored as raw float64.

Usage: python3 scipy_lsa.py PATH ROWS COLS REPEATS [min|max]

Reads the row-major native-endian float64 matrix at PATH (forbidden cells are -inf when
maximising, +inf when minimising), solves it REPEATS times, timing only the solve itself, and
prints one JSON line: {"total": ..., "seconds": <median>, "runs": [...], "scipy": "<version>"}.
"""

import json
import statistics
import sys
import time

import numpy as np
import scipy
from scipy.optimize import linear_sum_assignment


def main() -> None:
    path, rows, cols, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    maximize = (sys.argv[5] if len(sys.argv) > 5 else "max") == "max"
    matrix = np.fromfile(path, dtype=np.float64).reshape(rows, cols)
    runs = []
    row_ind = col_ind = None
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        row_ind, col_ind = linear_sum_assignment(matrix, maximize=maximize)
        runs.append(time.perf_counter() - start)
    total = float(matrix[row_ind, col_ind].sum())
    print(
        json.dumps(
            {
                "total": total,
                "seconds": statistics.median(runs),
                "runs": runs,
                "scipy": scipy.__version__,
            }
        )
    )


if __name__ == "__main__":
    main()
