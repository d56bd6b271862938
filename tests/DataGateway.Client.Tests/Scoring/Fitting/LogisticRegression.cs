namespace DataGateway.Client.Tests.Scoring.Fitting;

/// <summary>
/// Maximum-likelihood logistic regression by Newton–Raphson (IRLS) on standardised columns with a
/// small ridge penalty, reported back on the raw scale: the way a bank would fit the example model.
/// </summary>
internal static class LogisticRegression
{
    /// <summary>Fits z = bias + Σ wᵢ·xᵢ to the labels; returns raw-scale weights and bias.</summary>
    public static (double[] Weights, double Bias) Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, int iterations = 12, double ridge = 1e-3)
    {
        var k = rows[0].Length;
        var (mean, sd) = Moments(rows, k);
        var beta = new double[k + 1]; // beta[0] is the intercept on the standardised scale
        var x = new double[k + 1];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var gradient = new double[k + 1];
            var hessian = new double[k + 1, k + 1];
            for (var n = 0; n < rows.Count; n++)
            {
                Standardise(rows[n], mean, sd, x);
                var z = 0.0;
                for (var j = 0; j <= k; j++)
                {
                    z += beta[j] * x[j];
                }

                var p = 1 / (1 + Math.Exp(-z));
                var weight = p * (1 - p);
                var residual = (labels[n] ? 1 : 0) - p;
                for (var i = 0; i <= k; i++)
                {
                    gradient[i] += residual * x[i];
                    for (var j = 0; j <= i; j++)
                    {
                        hessian[i, j] += weight * x[i] * x[j];
                    }
                }
            }

            for (var i = 0; i <= k; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    hessian[j, i] = hessian[i, j];
                }

                // The ridge keeps rare flags (1% prevalence) from driving the Hessian singular; not on the intercept.
                if (i > 0)
                {
                    hessian[i, i] += ridge * rows.Count;
                    gradient[i] -= ridge * rows.Count * beta[i];
                }
            }

            var step = Solve(hessian, gradient);
            for (var j = 0; j <= k; j++)
            {
                beta[j] += step[j];
            }
        }

        var weights = new double[k];
        var bias = beta[0];
        for (var j = 0; j < k; j++)
        {
            weights[j] = sd[j] == 0 ? 0 : beta[j + 1] / sd[j];
            bias -= weights[j] * mean[j];
        }

        return (weights, bias);
    }

    /// <summary>The area under the ROC curve of <paramref name="scores"/> (higher = likelier default) by rank sum.</summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double rankSum = 0;
        long positives = 0;
        for (var r = 0; r < order.Length;)
        {
            var end = r;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[r]])
            {
                end++;
            }

            var averageRank = ((r + end) / 2.0) + 1;
            for (var i = r; i <= end; i++)
            {
                if (labels[order[i]])
                {
                    rankSum += averageRank;
                    positives++;
                }
            }

            r = end + 1;
        }

        var negatives = scores.Count - positives;
        return (rankSum - (positives * (positives + 1) / 2.0)) / (positives * (double)negatives);
    }

    private static (double[] Mean, double[] Sd) Moments(IReadOnlyList<double[]> rows, int k)
    {
        var mean = new double[k];
        var sd = new double[k];
        foreach (var row in rows)
        {
            for (var j = 0; j < k; j++)
            {
                mean[j] += row[j] / rows.Count;
            }
        }

        foreach (var row in rows)
        {
            for (var j = 0; j < k; j++)
            {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / rows.Count;
            }
        }

        for (var j = 0; j < k; j++)
        {
            sd[j] = Math.Sqrt(sd[j]);
        }

        return (mean, sd);
    }

    private static void Standardise(double[] row, double[] mean, double[] sd, double[] into)
    {
        into[0] = 1;
        for (var j = 0; j < row.Length; j++)
        {
            into[j + 1] = sd[j] == 0 ? 0 : (row[j] - mean[j]) / sd[j];
        }
    }

    // Gaussian elimination with partial pivoting; the system is small (one row per feature).
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < n; r++)
            {
                if (Math.Abs(m[r, c]) > Math.Abs(m[pivot, c]))
                {
                    pivot = r;
                }
            }

            for (var j = 0; j < n; j++)
            {
                (m[c, j], m[pivot, j]) = (m[pivot, j], m[c, j]);
            }

            (v[c], v[pivot]) = (v[pivot], v[c]);
            for (var r = c + 1; r < n; r++)
            {
                var f = m[r, c] / m[c, c];
                for (var j = c; j < n; j++)
                {
                    m[r, j] -= f * m[c, j];
                }

                v[r] -= f * v[c];
            }
        }

        var x = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var s = v[r];
            for (var j = r + 1; j < n; j++)
            {
                s -= m[r, j] * x[j];
            }

            x[r] = s / m[r, r];
        }

        return x;
    }
}
