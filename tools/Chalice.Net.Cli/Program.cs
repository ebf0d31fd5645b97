using Chalice.Cli;

return await ChaliceCli.Create().Parse(args).InvokeAsync();
