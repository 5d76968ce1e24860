package main
import (
 _ "modernc.org/sqlite"
 _ "golang.org/x/net/html"
 _ "golang.org/x/text/unicode/norm"
 _ "golang.org/x/text/encoding/charmap"
 _ "golang.org/x/term"
 _ "github.com/jackc/pgx/v5/stdlib"
)
func main(){}
