using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DataGateway.Privacy.Mechanisms;

namespace DataGateway.Gateway.Aggregates;

/// <summary>
/// The identity of an aggregate query: the audit entry's query hash and the answer cache's key
/// (RELIABILITY.md D8). Everything that changes the released answer's distribution is in it: the
/// node body (field, clamp bounds, group-by, filter), the metric, epsilon and the suppression rule.
/// </summary>
internal static class AggregateQueryHash
{
    private const string Domain = "dg-aggregate-v1";

    public static string Of(AdmittedAggregate query, SuppressionRule suppression, byte[] nodeBody)
    {
        var header = string.Create(CultureInfo.InvariantCulture,
            $"{Domain}\n{query.MetricName}\n{query.Epsilon.MicroUnits}\n{suppression.MinimumNoisyCount}\n{suppression.HardFloor}\n");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(header));
        hash.AppendData(nodeBody);
        return Base64Url.EncodeToString(hash.GetHashAndReset());
    }
}
