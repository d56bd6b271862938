using DataGateway.Cryptography.Checkpoints;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataGateway.Gateway.Auditing;

/// <summary>Registers the checkpoint schedule, the serving state, the startup self-check and the crash-test hook.</summary>
internal static class AuditCheckpointsSetup
{
    /// <summary>Adds the services; options bind from <see cref="CheckpointOptions.Section"/> and are validated on start.</summary>
    public static IServiceCollection AddAuditCheckpoints(
        this IServiceCollection services, string environmentName, string auditDatabasePath, NoteVerificationKey checkpointKey)
    {
        services.AddOptions<CheckpointOptions>().BindConfiguration(CheckpointOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CheckpointOptions>, CheckpointOptionsValidator>();
        services.AddSingleton<AuditServingState>();
        services.AddSingleton(CheckpointWritePause.FromEnvironment(
            environmentName, Path.GetDirectoryName(Path.GetFullPath(auditDatabasePath)) ?? "."));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<AuditSelfCheck>(sp, checkpointKey));
        services.AddSingleton<CheckpointScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<CheckpointScheduler>());
        return services;
    }

    /// <summary>The validated checkpoint options (for services built by hand, such as the attestor).</summary>
    public static CheckpointOptions CheckpointOptionsOf(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<CheckpointOptions>>().Value;
}
