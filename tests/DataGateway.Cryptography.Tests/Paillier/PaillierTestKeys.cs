using System.Buffers.Text;
using System.Numerics;
using DataGateway.Cryptography.Paillier;

namespace DataGateway.Cryptography.Tests.Paillier;

/// <summary>1024-bit keys generated once per test run: small enough for hundreds of property cases.</summary>
internal static class PaillierTestKeys
{
    public const int Bits = 1024;

    private static readonly Lazy<PaillierPrivateKey> First = new(() => PaillierKeyGenerator.GenerateForTests(Bits));
    private static readonly Lazy<PaillierPrivateKey> Second = new(() => PaillierKeyGenerator.GenerateForTests(Bits));

    public static PaillierPrivateKey Private => First.Value;

    public static PaillierPublicKey Public => First.Value.PublicKey;

    public static PaillierPrivateKey OtherPrivate => Second.Value;

    public static PaillierKeyPolicy Policy { get; } = PaillierKeyPolicy.InsecureForTests(Bits);

    public static (BigInteger P, BigInteger Q) Primes(PaillierPrivateKey key)
    {
        var (p, q) = key.ExportPrimes();
        return (Decode(p), Decode(q));
    }

    public static BigInteger Decode(string text) => new(Base64Url.DecodeFromChars(text), isUnsigned: true, isBigEndian: true);

    public static string Encode(BigInteger value) => Base64Url.EncodeToString(value.ToByteArray(isUnsigned: true, isBigEndian: true));
}
