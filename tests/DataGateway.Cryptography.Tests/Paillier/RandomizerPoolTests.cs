using System.Numerics;
using DataGateway.Cryptography.Paillier;
using DataGateway.Cryptography.Paillier.Scoring;

namespace DataGateway.Cryptography.Tests.Paillier;

/// <summary>The background pool of encryptions of zero (RELIABILITY.md P5).</summary>
public sealed class RandomizerPoolTests
{
    private static readonly PaillierPrivateKey Secret = PaillierTestKeys.Private;

    [Theory]
    [InlineData(PaillierBackend.Managed)]
    [InlineData(PaillierBackend.Gmp)]
    public async Task Take_HandsOutDistinctEncryptionsOfZero_AndThePoolRefillsToCapacity(PaillierBackend backend)
    {
        await using var pool = new RandomizerPool(Secret.PublicKey, 8, backend);
        Assert.Equal(backend, pool.Backend);
        Assert.True(SpinWait.SpinUntil(() => pool.Count == pool.Capacity, TimeSpan.FromSeconds(30)));

        var taken = Enumerable.Range(0, 20).Select(_ => pool.Take()).ToArray();

        Assert.Equal(taken.Length, taken.Select(zero => zero.Value).Distinct().Count());
        Assert.All(taken, zero => Assert.Equal(BigInteger.Zero, Secret.Decrypt(zero)));
        Assert.All(taken, zero => Assert.Equal(PaillierCiphertextError.None, Secret.PublicKey.Validate(zero.Value)));
        Assert.True(SpinWait.SpinUntil(() => pool.Count == pool.Capacity, TimeSpan.FromSeconds(30)));
        Assert.True(pool.Count <= pool.Capacity);
    }

    [Fact]
    public async Task DisposeAsync_StopsTheRefillLoop_AndTakeThrowsAfterwards()
    {
        var pool = new RandomizerPool(Secret.PublicKey, 2, PaillierBackend.Auto);
        Assert.True(SpinWait.SpinUntil(() => pool.Count == 2, TimeSpan.FromSeconds(30)));
        Assert.True(pool.IsRefilling);

        await pool.DisposeAsync();
        await pool.DisposeAsync();

        Assert.False(pool.IsRefilling);
        Assert.Throws<ObjectDisposedException>(() => pool.Take());
    }

    [Fact]
    public async Task Take_ComputesInline_WhenThePoolIsEmpty()
    {
        await using var pool = new RandomizerPool(Secret.PublicKey, 1, PaillierBackend.Managed);

        // Draining faster than one refill forces inline values; each is still a fresh E(0).
        var taken = Enumerable.Range(0, 5).Select(_ => pool.Take()).ToArray();

        Assert.Equal(taken.Length, taken.Select(zero => zero.Value).Distinct().Count());
        Assert.All(taken, zero => Assert.Equal(BigInteger.Zero, Secret.Decrypt(zero)));
    }

    [Fact]
    public void FromNonce_GivesIdenticalValues_OnManagedAndGmp()
    {
        var key = Secret.PublicKey;
        using var managed = new ZeroEncryptor(key, PaillierBackend.Managed);
        using var gmp = new ZeroEncryptor(key, PaillierBackend.Gmp);

        for (var i = 0; i < 20; i++)
        {
            var nonce = PaillierRandom.Unit(key.N);
            Assert.Equal(managed.FromNonce(nonce), gmp.FromNonce(nonce));
            Assert.Equal(key.EncryptWithNonce(0, nonce).Value, gmp.FromNonce(nonce));
        }
    }

    [Fact]
    public void GmpAvailable_IsTrue_OnTheDebianImagesWeShipOn() =>
        Assert.True(PaillierBackends.GmpAvailable);
}
