namespace MultiFile;

public sealed partial class Reports
{
    private Task Announce(string name) => sqs.SendMessageAsync(Names.Queue, name);
}
