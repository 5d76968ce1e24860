package pdf

import (
	"compress/zlib"
	"io"
)

func newZlib(w io.Writer) *zlib.Writer { return zlib.NewWriter(w) }
