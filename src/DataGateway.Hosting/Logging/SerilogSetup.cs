using Microsoft.AspNetCore.Builder;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace DataGateway.Hosting.Logging;

/// <summary>
/// Structured logging shared by the gateway and the node: console for people, a rolling
/// compact-JSON file for machines. Diagnostics never fail a request (Serilog's safe sinks);
/// the audit log is a separate, durable store, not a log sink.
/// </summary>
public static class SerilogSetup
{
    /// <summary>Routes the host's logging through Serilog; a null directory keeps console only.</summary>
    public static WebApplicationBuilder UseDataGatewayLogging(this WebApplicationBuilder builder, string? logDirectory, string component)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // One logger per host (preserveStaticLogger): the gateway and an embedded node share a process, and
        // each must write to its own sinks and flush them when that host stops, not the other's.
        builder.Services.AddSerilog((services, configuration) => Configure(configuration, builder, logDirectory, component), preserveStaticLogger: true);
        return builder;
    }

    private static void Configure(LoggerConfiguration configuration, WebApplicationBuilder builder, string? logDirectory, string component)
    {
        configuration
            .MinimumLevel.Information()
            // Framework chatter at Information would log every request twice; keep warnings.
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Yarp", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("component", component)
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        if (logDirectory is not null)
        {
            configuration.WriteTo.File(
                new CompactJsonFormatter(),
                Path.Combine(logDirectory, component + "-.json"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 190, // network logs are kept at least 6 months (DOMAIN.md)
                buffered: true,
                flushToDiskInterval: TimeSpan.FromSeconds(1));
        }
    }
}
