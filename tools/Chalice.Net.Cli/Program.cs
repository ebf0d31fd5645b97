using Chalice.Cli;

return await ChaliceCli.RunAsync(args);
