using DataGateway.Cryptography.Tickets;
using DataGateway.Dataset;
using DataGateway.Dataset.Storage;
using DataGateway.Hosting.Errors;
using DataGateway.Hosting.Logging;
using DataGateway.Node.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DataGateway.Node;

/// <summary>Builds the data node host: the verification endpoint next to the raw data, and a health probe.</summary>
public static class NodeApplication
{
    /// <summary>
    /// A configured, not yet started node. Invalid settings (no node id, a ticket key of the wrong size,
    /// no dataset) throw here, before anything listens.
    /// </summary>
    public static WebApplication Build(NodeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(settings.NodeId);
        var verifier = new NodeTicketVerifier(settings.NodeId, settings.TicketKey);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(NodeApplication).Assembly.GetName().Name });
        builder.WebHost.UseUrls(settings.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = BoundedBody.MaxBytes;
        });
        builder.UseDataGatewayLogging(settings.LogDirectory, "node");

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(verifier);
        builder.Services.AddSingleton(new TicketReplayCache(settings.Time));
        if (settings.Store is { } store)
        {
            builder.Services.AddSingleton(store);
        }
        else
        {
            var opened = SqliteEnterpriseStore.Open(settings.DataDirectory);
            builder.Services.AddSingleton(opened);
            builder.Services.AddSingleton<IEnterpriseStore>(services => settings.RecordCacheSize > 0
                ? new CachedEnterpriseStore(services.GetRequiredService<SqliteEnterpriseStore>(), settings.RecordCacheSize)
                : services.GetRequiredService<SqliteEnterpriseStore>());
        }

        builder.Services.AddSingleton<TicketGate>();
        builder.Services.AddSingleton<VerificationEndpoint>();
        builder.Services.AddSingleton<DataGateway.Node.Scoring.ModelScoring>();
        builder.Services.AddSingleton<ScoreEndpoint>();
        builder.Services.AddSingleton<DataGateway.Node.Aggregation.AggregateSnapshot>();
        builder.Services.AddSingleton<AggregateEndpoint>();

        var app = builder.Build();
        if (settings.Store is null)
        {
            // The container never disposes an instance it was handed; the store's connections close with the host.
            app.Lifetime.ApplicationStopped.Register(() => app.Services.GetRequiredService<SqliteEnterpriseStore>().Dispose());
        }

        app.UseProblemErrors();
        var endpoint = app.Services.GetRequiredService<VerificationEndpoint>();
        app.MapPost(VerificationEndpoint.Path, endpoint.HandleAsync);
        app.MapPost(ScoreEndpoint.Path, app.Services.GetRequiredService<ScoreEndpoint>().HandleAsync);
        app.MapPost(AggregateEndpoint.Path, app.Services.GetRequiredService<AggregateEndpoint>().HandleAsync);
        app.Lifetime.ApplicationStarted.Register(app.Services.GetRequiredService<DataGateway.Node.Aggregation.AggregateSnapshot>().WarmUp);
        app.MapGet("/healthz", () => Results.Text("ok"));
        return app;
    }

    /// <summary>The first address the started node listens on, with the port the OS assigned for port 0.</summary>
    public static Uri BoundAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The node is not listening; start it first.");
        return new Uri(first);
    }
}
