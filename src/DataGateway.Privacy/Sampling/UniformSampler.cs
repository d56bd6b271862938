using System.Numerics;
using DataGateway.Privacy.Randomness;

namespace DataGateway.Privacy.Sampling;

/// <summary>
/// Uniform integers in [0, n) by rejection: draw just enough bits to cover n and retry when
/// the draw lands at or above n. Reducing modulo n would bias small values; rejection is exact
/// and needs fewer than two draws on average.
/// </summary>
internal static class UniformSampler
{
    /// <summary>Returns a uniform integer in [0, <paramref name="bound"/>).</summary>
    public static ulong Below(IRandomBits bits, ulong bound)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bound);
        if (bound == 1)
        {
            return 0;
        }

        var mask = ulong.MaxValue >> BitOperations.LeadingZeroCount(bound - 1);
        while (true)
        {
            var candidate = bits.NextUInt64() & mask;
            if (candidate < bound)
            {
                return candidate;
            }
        }
    }

    /// <summary>Returns a uniform integer in [0, <paramref name="bound"/>).</summary>
    public static BigInteger Below(IRandomBits bits, BigInteger bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        if (bound <= ulong.MaxValue)
        {
            return Below(bits, (ulong)bound);
        }

        var bitLength = checked((int)(bound - 1).GetBitLength());
        var words = (bitLength + 63) / 64;
        var bytes = new byte[words * sizeof(ulong)];
        var topBits = bitLength - ((words - 1) * 64);
        var topMask = topBits == 64 ? ulong.MaxValue : (1UL << topBits) - 1;
        while (true)
        {
            for (var i = 0; i < words; i++)
            {
                var word = bits.NextUInt64();
                if (i == words - 1)
                {
                    word &= topMask;
                }

                System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)), word);
            }

            var candidate = new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
            if (candidate < bound)
            {
                return candidate;
            }
        }
    }
}
