package cli

import (
	"flag"
	"fmt"
	"runtime"

	"dossier/internal/extract"
)

func versionCommand() command {
	return command{
		name: "version", summary: "Print the version of dossier, of its extractor and of Go",
		examples: []string{"dossier version"},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			return func(a *app, args []string) error {
				if err := wantArgs("version", args, 0, 0); err != nil {
					return err
				}
				return a.version()
			}
		},
	}
}

// version prints the program, extractor and Go versions.
func (a *app) version() error {
	_, err := fmt.Fprintf(a.stdout, "dossier %s\nextractor %s\n%s %s/%s\n", Version, extract.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return err
}
