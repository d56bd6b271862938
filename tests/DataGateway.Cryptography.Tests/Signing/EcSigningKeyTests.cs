using System.Security.Cryptography;
using DataGateway.Cryptography.Signing;

namespace DataGateway.Cryptography.Tests.Signing;

public sealed class EcSigningKeyTests
{
    private static readonly byte[] Data = "attestation bytes"u8.ToArray();

    [Fact]
    public void FromPem_RestoresTheSameKey_FromExportPrivateKeyPem()
    {
        using var original = EcSigningKey.Generate();
        var pem = original.ExportPrivateKeyPem();

        using var restored = EcSigningKey.FromPem(pem);

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", pem, StringComparison.Ordinal);
        Assert.Equal(original.KeyId, restored.KeyId);
        Assert.Equal(original.PublicJwk, restored.PublicJwk);
        using var verifier = original.ToVerificationKey();
        Assert.True(verifier.VerifyData(Data, restored.SignData(Data)));
    }

    [Fact]
    public void ExportPublicKeyPem_LoadsAsVerificationKey_WithSameKeyIdAndSignatures()
    {
        using var key = EcSigningKey.Generate();

        using var verifier = EcVerificationKey.FromPublicPem(key.ExportPublicKeyPem());

        Assert.Equal(key.KeyId, verifier.KeyId);
        Assert.Equal(key.PublicJwk, verifier.PublicJwk);
        var signature = key.SignData(Data);
        Assert.Equal(EcSigningKey.SignatureSizeInBytes, signature.Length);
        Assert.True(verifier.VerifyData(Data, signature));
        signature[5] ^= 0x20;
        Assert.False(verifier.VerifyData(Data, signature));
    }

    [Fact]
    public void PublicJwk_DescribesAnEs256KeyWhoseKidIsItsThumbprint()
    {
        using var key = EcSigningKey.Generate();

        Assert.Equal(("EC", "P-256", "sig", "ES256"), (key.PublicJwk.Kty, key.PublicJwk.Crv, key.PublicJwk.Use, key.PublicJwk.Alg));
        Assert.Equal(key.PublicJwk.ComputeThumbprint(), key.KeyId);
        Assert.Equal(43, key.KeyId.Length);
        using var other = EcSigningKey.Generate();
        Assert.NotEqual(key.KeyId, other.KeyId);
    }

    [Fact]
    public void FromPem_Throws_ForAP384KeyAPublicKeyOrGarbage()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var key = EcSigningKey.Generate();

        Assert.Throws<CryptographicException>(() => EcSigningKey.FromPem(p384.ExportPkcs8PrivateKeyPem()));
        Assert.Throws<CryptographicException>(() => EcSigningKey.FromPem(key.ExportPublicKeyPem()));
        Assert.Throws<CryptographicException>(() => EcSigningKey.FromPem("not a pem"));
        Assert.Throws<CryptographicException>(() => EcVerificationKey.FromPublicPem(p384.ExportSubjectPublicKeyInfoPem()));
        Assert.Throws<CryptographicException>(() => EcVerificationKey.FromPublicPem(key.ExportPrivateKeyPem()));
    }

    [Fact]
    public void SignData_ProducesVerifiableSignatures_FromManyThreadsAtOnce()
    {
        using var key = EcSigningKey.Generate();
        using var verifier = key.ToVerificationKey();
        var failures = 0;

        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var data = BitConverter.GetBytes(i);
            if (!verifier.VerifyData(data, key.SignData(data)))
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
    }

    [Fact]
    public void SignData_Throws_AfterDispose()
    {
        var key = EcSigningKey.Generate();
        key.Dispose();

        Assert.Throws<ObjectDisposedException>(() => key.SignData(Data));
    }

    [Fact]
    public void FromJwk_Throws_WhenPointIsNotOnTheCurve()
    {
        using var key = EcSigningKey.Generate();
        var y = System.Buffers.Text.Base64Url.DecodeFromChars(key.PublicJwk.Y);
        y[^1] ^= 1;

        Assert.Throws<CryptographicException>(() => EcVerificationKey.FromJwk(key.PublicJwk with { Y = System.Buffers.Text.Base64Url.EncodeToString(y) }));
    }
}
