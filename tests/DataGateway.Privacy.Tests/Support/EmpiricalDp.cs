namespace DataGateway.Privacy.Tests.Support;

/// <summary>
/// The structure of Google's empirical DP tester (<c>verifyApproximateDp</c>, RELIABILITY.md D4):
/// one vote draws n outputs of M(D) and of M(D′), histograms them with bins fixed in advance, and
/// checks P[M(D)∈S] ≤ e^ε·P[M(D′)∈S] + δ + tol (and the reverse) on every bin; a ballot is the
/// majority of k votes.
/// </summary>
internal static class EmpiricalDp
{
    public static bool Ballot(int votes, Func<int, bool> vote)
    {
        int yes = 0, no = 0;
        for (var i = 0; i < votes && yes <= votes / 2 && no <= votes / 2; i++)
        {
            _ = vote(i) ? yes++ : no++;
        }

        return yes > no;
    }

    public static bool Vote(Func<long> onD, Func<long> onNeighbour, Func<long, long> bin, double epsilon, double delta, double tolerance, int samples)
    {
        var left = Histogram(onD, bin, samples);
        var right = Histogram(onNeighbour, bin, samples);
        var bound = Math.Exp(epsilon);
        foreach (var key in left.Keys.Union(right.Keys))
        {
            var p = left.GetValueOrDefault(key) / (double)samples;
            var q = right.GetValueOrDefault(key) / (double)samples;
            if (p > (bound * q) + delta + tolerance || q > (bound * p) + delta + tolerance)
            {
                return false;
            }
        }

        return true;
    }

    private static Dictionary<long, int> Histogram(Func<long> draw, Func<long, long> bin, int samples)
    {
        var counts = new Dictionary<long, int>();
        for (var i = 0; i < samples; i++)
        {
            var key = bin(draw());
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }
}
