package io.kehu.plugins.churn;

/**
 * Logistic regression fitted by Newton's method (iteratively reweighted least squares) with an L2 penalty, written
 * out here rather than taken from a library: it is about sixty lines, deterministic (no random start, so the same
 * rows give the same model), and every step can be read. With standardised inputs the penalty {@code lambda} keeps
 * coefficients of rare or collinear 0/1 inputs finite; the intercept is not penalised.
 *
 * <p>Probability of leaving: {@code p = 1 / (1 + exp(-(b0 + Σ bk·xk)))}; each {@code bk·xk} is that input's
 * contribution on the log-odds scale, which is what makes the model explain itself.
 */
final class LogisticRegression {

    private LogisticRegression() {
    }

    /**
     * Fits the coefficients.
     *
     * @param x standardised inputs, one row per customer
     * @param y 1 = left, 0 = stayed
     * @param lambda L2 penalty (e.g. 1.0)
     * @return the intercept at index 0, then one coefficient per input
     */
    static double[] fit(double[][] x, byte[] y, double lambda) {
        int n = x.length;
        int p = n == 0 ? 0 : x[0].length;
        double[] beta = new double[p + 1];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] gradient = new double[p + 1];
            double[][] hessian = new double[p + 1][p + 1];
            double[] row = new double[p + 1];
            for (int i = 0; i < n; i++) {
                row[0] = 1;
                System.arraycopy(x[i], 0, row, 1, p);
                double mu = sigmoid(dot(beta, row));
                double w = Math.max(mu * (1 - mu), 1e-10);
                double residual = y[i] - mu;
                for (int a = 0; a <= p; a++) {
                    if (row[a] == 0) {
                        continue;
                    }
                    gradient[a] += residual * row[a];
                    double wa = w * row[a];
                    for (int b = 0; b <= a; b++) {
                        hessian[a][b] += wa * row[b];
                    }
                }
            }
            for (int a = 1; a <= p; a++) {
                gradient[a] -= lambda * beta[a];
                hessian[a][a] += lambda;
            }
            for (int a = 0; a <= p; a++) {
                for (int b = 0; b < a; b++) {
                    hessian[b][a] = hessian[a][b];
                }
            }
            double[] step = solve(hessian, gradient);
            double largest = 0;
            for (int a = 0; a <= p; a++) {
                beta[a] += step[a];
                largest = Math.max(largest, Math.abs(step[a]));
            }
            if (largest < 1e-7) {
                break;
            }
        }
        return beta;
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Solves {@code a·s = b} for a symmetric positive definite {@code a} (Cholesky); {@code a} is overwritten. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    l[i][i] = Math.sqrt(Math.max(s, 1e-12));
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        double[] s = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double v = z[i];
            for (int k = i + 1; k < n; k++) {
                v -= l[k][i] * s[k];
            }
            s[i] = v / l[i][i];
        }
        return s;
    }
}
