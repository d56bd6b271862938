using DataGateway.Cli;

// The subcommands (serve, certs, token, dataset, verify) are listed in DgApp.CreateRootCommand
// so that tests can run the same root command in-process.
return await DgApp.RunAsync(DgApp.CreateRootCommand(), args);
