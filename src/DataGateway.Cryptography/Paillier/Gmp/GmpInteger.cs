using System.Numerics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace DataGateway.Cryptography.Paillier.Gmp;

/// <summary>An <c>mpz_t</c> in unmanaged memory, released by the handle so a call in flight keeps it alive.</summary>
internal sealed class GmpInteger : SafeHandle
{
    private GmpInteger()
        : base(nint.Zero, ownsHandle: true)
    {
        var memory = Marshal.AllocHGlobal(GmpNative.MpzStructSize);
        GmpNative.Init(memory);
        SetHandle(memory);
    }

    /// <inheritdoc />
    public override bool IsInvalid => handle == nint.Zero;

    /// <summary>A new integer holding zero.</summary>
    public static GmpInteger Create() => new();

    /// <summary>A new integer holding a non-negative <paramref name="value"/>.</summary>
    public static GmpInteger From(BigInteger value)
    {
        var result = new GmpInteger();
        result.Assign(value);
        return result;
    }

    /// <summary>Replaces the value with a non-negative <paramref name="value"/>.</summary>
    public void Assign(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Only non-negative integers are imported.");
        }

        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        GmpNative.Import(this, (nuint)bytes.Length, 1, 1, 1, 0, bytes);

        // The bytes may be a secret nonce; do not leave a copy for the GC to move around.
        CryptographicOperations.ZeroMemory(bytes);
    }

    /// <summary>The value as a non-negative System.Numerics integer.</summary>
    public BigInteger ToBigInteger()
    {
        var length = (int)((GmpNative.SizeInBase(this, 2) + 7) / 8);
        var bytes = new byte[length];
        GmpNative.Export(bytes, out var written, 1, 1, 1, 0, this);
        return new BigInteger(bytes.AsSpan(0, (int)written), isUnsigned: true, isBigEndian: true);
    }

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        GmpNative.Clear(handle);
        Marshal.FreeHGlobal(handle);
        return true;
    }
}
