package cli

import "flag"

func helpCommand() command {
	return command{
		name: "help", args: "[COMMAND]", summary: "Show the list of commands, or one command's usage",
		examples: []string{"dossier help", "dossier help ingest"},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			return func(a *app, args []string) error { return a.help(args) }
		},
	}
}

// help prints the command list, or the usage of the command named in args.
func (a *app) help(args []string) error {
	if len(args) == 0 {
		a.usage(a.stdout)
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			a.commandUsage(a.stdout, c)
			return nil
		}
	}
	return usageError("help", "unknown command %q", args[0])
}
