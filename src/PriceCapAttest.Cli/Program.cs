using PriceCapAttest.Cli;
using PriceCapAttest.Cli.Infrastructure;

return await CliApp.Create(CliEnvironment.FromConsole()).RunAsync(args).ConfigureAwait(false);
