using DataGateway.Cryptography.Checkpoints;
using DataGateway.Cryptography.PersonalData;
using DataGateway.Cryptography.Tickets;
using DataGateway.Gateway.Apis;
using DataGateway.Gateway.Attestation;
using DataGateway.Gateway.Auditing;
using DataGateway.Gateway.Authentication;
using DataGateway.Gateway.Consent;
using DataGateway.Gateway.Diagnostics;
using DataGateway.Gateway.Forwarding;
using DataGateway.Gateway.Policies;
using DataGateway.Gateway.Verification;
using DataGateway.Hosting.Errors;
using DataGateway.Hosting.Logging;
using DataGateway.Storage.Audit;
using DataGateway.Storage.Checkpoints;
using DataGateway.Storage.Consent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace DataGateway.Gateway.Hosting;

/// <summary>Builds the gateway host: authentication, the query pipeline, YARP to the data nodes, operations endpoints.</summary>
public static class GatewayApplication
{
    /// <summary>
    /// Builds a gateway that is ready to start. Fails (listing every error) on an invalid policy,
    /// and refuses an audit log that cannot be opened durably: the gateway never serves without one.
    /// </summary>
    public static async Task<WebApplication> BuildAsync(GatewaySettings settings, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        MetricsSetup.Configure();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = settings.EnvironmentName });
        builder.WebHost.UseUrls(settings.Urls);
        builder.WebHost.UseKestrelHttpsConfiguration(); // the slim builder leaves HTTPS out unless asked
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestHeaderCount = 100;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
            kestrel.ConfigureHttpsDefaults(https =>
            {
                if (settings.ServerCertificate is { } certificate)
                {
                    https.ServerCertificate = certificate;
                }

                if (settings.ClientCertificates is not null)
                {
                    // Any certificate passes the handshake; ClientCertificateBinding decides per request,
                    // so a refusal is an audited problem with a stable code rather than a TLS alert.
                    https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                    https.ClientCertificateValidation = (_, _, _) => true;
                }
            });
        });
        builder.UseDataGatewayLogging(settings.LogDirectory, "gateway");

        var services = builder.Services;
        services.AddSingleton(settings.Time);
        services.AddSingleton(sp => PolicyStore.Open(settings.PoliciesDirectory, sp.GetRequiredService<ILogger<PolicyStore>>(), settings.WatchPolicies));
        services.AddSingleton(new PersonalDataHmac(settings.PlatformHmacKey));
        services.AddSingleton(new NodeTicketCodec(settings.TicketSecret));
        services.AddSingleton(sp => new Attestor(settings.AttestationKey, settings.Time, sp.CheckpointOptionsOf().MaxMergeDelay));
        services.AddSingleton<VerificationAdmission>();
        services.AddSingleton<QueryLimiter>();
        services.AddSingleton<NodeRouter>();
        services.AddSingleton(new NodeCallLimits(settings.NodeTimeout));
        services.AddSingleton<NodeCaller>();
        services.AddSingleton<AuditRecorder>();
        services.AddSingleton<VerificationPipeline>();
        // Private aggregates (issue 6): the budget ledger and answer cache live beside the audit log.
        services.AddSingleton(_ => DataGateway.Storage.Budget.SqlitePrivacyLedger.Open(
            Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.AuditDatabasePath)) ?? ".", "privacy.db")));
        services.AddSingleton(_ => new DataGateway.Privacy.Noise.NoisePool(new DataGateway.Privacy.Randomness.SecureRandomBits()));
        services.AddSingleton(sp => new DataGateway.Privacy.Mechanisms.AggregateMechanism(sp.GetRequiredService<DataGateway.Privacy.Noise.NoisePool>()));
        services.AddSingleton<Aggregates.AggregatePipeline>();
        // Encrypted scoring (issue 5): the model registry lives beside the audit log like the consent registry.
        services.AddSingleton<DataGateway.Storage.Models.IModelRegistry>(_ => DataGateway.Storage.Models.SqliteModelRegistry.Open(
            Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.AuditDatabasePath)) ?? ".", "models.db")));
        services.AddSingleton<Scoring.ModelService>();
        services.AddSingleton<Scoring.ScoreAdmission>();
        services.AddSingleton<Scoring.ScoreLimiter>();
        services.AddSingleton<Scoring.ModelKeys>();
        services.AddSingleton<Scoring.ScorePipeline>();
        services.AddSingleton<Scoring.BatchScorePipeline>();
        var checkpointKey = NoteSigningKey.FromSeed(CheckpointPublisher.Origin, settings.CheckpointSeed);
        services.AddSingleton(sp => new CheckpointSigner(checkpointKey, CheckpointPublisher.Origin, settings.Time));
        services.AddSingleton(_ => SqliteCheckpointStore.Open(settings.AuditDatabasePath, TimeSpan.FromSeconds(5)));
        services.AddSingleton<CheckpointPublisher>();
        services.AddAuditCheckpoints(settings.EnvironmentName, settings.AuditDatabasePath, checkpointKey.VerificationKey);
        services.AddSingleton<ConsentCheck>();
        services.AddSingleton<ConsentService>();
        services.AddSingleton(sp => new ConsentReceipts(settings.AttestationKey, settings.Time));
        // The consent registry lives beside the audit log: same volume, same durability settings.
        services.AddSingleton<IConsentRegistry>(_ => SqliteConsentRegistry.Open(
            Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.AuditDatabasePath)) ?? ".", "consent.db")));
        services.AddSingleton(sp => new ClientCertificateBinding(
            settings.ClientCertificates, settings.Time, sp.GetRequiredService<ILogger<ClientCertificateBinding>>()));
        services.AddGatewayAuthentication(new TokenSettings(settings.TokenIssuer, settings.TokenAudience, settings.TokenValidationKey, TimeSpan.FromSeconds(30)), settings.Time);
        services.AddGatewayReverseProxy(builder.Configuration, settings.Nodes);
        services.AddHealthChecks()
            .AddCheck<AuditHealthCheck>("audit")
            .AddCheck<NodeHealthCheck>("nodes");
        services.AddOpenApi();

        // A log failing its open-time check is replaced by a refusing stand-in: the gateway starts, not ready (A1).
        services.AddSingleton<IAuditLog>(sp => AuditLogStartup.OpenOrRefuse(
            settings.AuditDatabasePath, settings.Time, sp.GetRequiredService<AuditServingState>(), sp.GetRequiredService<ILoggerFactory>()));
        configure?.Invoke(builder);

        var app = builder.Build();
        var policies = app.Services.GetRequiredService<PolicyStore>(); // opens now: a bad policy stops the start
        var audit = app.Services.GetRequiredService<IAuditLog>(); // opens now: an unusable log stops the start
        app.Services.GetRequiredService<AuditSelfCheck>().Run(); // a tail disagreeing with the last checkpoint: start, serve no query
        app.Services.GetRequiredService<IConsentRegistry>(); // opens now: no consent store, no start
        app.Services.GetRequiredService<DataGateway.Storage.Budget.SqlitePrivacyLedger>(); // opens now: no budget ledger, no start
        await QueryLimitReplay.RebuildAsync(audit, app.Services.GetRequiredService<QueryLimiter>(), policies.Current, settings.Time, app.Logger);
        app.Services.GetRequiredService<DataGateway.Storage.Models.IModelRegistry>(); // opens now: no model store, no start
        await app.Services.GetRequiredService<Scoring.ScoreLimiter>().RebuildAsync(audit, policies.Current, app.Logger);

        app.UseProblemErrors();
        app.UseHttpMetrics();
        app.UseAuthentication();
        app.Use(app.Services.GetRequiredService<ClientCertificateBinding>().InvokeAsync); // also with mTLS off: a cnf-bound token then fails closed
        app.UseAuthorization();
        app.UseAuditServingGate();

        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/readyz").AllowAnonymous();
        app.MapMetrics("/metrics").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapWellKnownApi(settings.AttestationKey, checkpointKey.VerificationKey);
        app.MapCatalogApi();
        app.MapVerificationApi();
        app.MapAggregatesApi();
        app.MapModelsApi();
        app.MapScoresApi();
        app.MapAuditApi();
        app.MapAuditEntriesApi();
        app.MapAuditExportApi();
        app.MapConsentApi();
        app.MapOwnerApi();

        // No routes are configured (ReverseProxySetup refuses them); mapping the proxy is what
        // makes YARP load its cluster configuration and start its destination health state.
        app.MapReverseProxy();
        return app;
    }
}
