using DataGateway.Cryptography.Signing;
using DataGateway.Cryptography.Tests.Support;
using FsCheck.Xunit;

namespace DataGateway.Cryptography.Tests.Signing;

public sealed class CompactJwsProperties
{
    private static readonly EcSigningKey Key = EcSigningKey.Generate();
    private static readonly JsonWebKeySet Keys = new([Key.PublicJwk]);

    [Property(MaxTest = 200)]
    public bool SignThenVerify_RoundTrips_AndNoSingleBitFlipVerifies(byte[]? payload, int segmentSeed, int bitSeed)
    {
        payload ??= [];
        var compact = CompactJws.Sign(payload, Key, "dg-test");
        var roundTrips = CompactJws.Verify(compact, Keys, out var verified, out _) == JwsStatus.Valid && verified!.AsSpan().SequenceEqual(payload);

        var parts = Jws.Segments(compact);
        var segment = (int)((uint)segmentSeed % 3);
        var bytes = Jws.Decode(parts[segment]);
        if (bytes.Length == 0)
        {
            return roundTrips;
        }

        var bit = (int)((uint)bitSeed % (uint)(bytes.Length * 8));
        bytes[bit / 8] ^= (byte)(1 << (bit % 8));
        parts[segment] = Jws.B64(bytes);
        return roundTrips && CompactJws.Verify(string.Join('.', parts), Keys, out _, out _) != JwsStatus.Valid;
    }
}
