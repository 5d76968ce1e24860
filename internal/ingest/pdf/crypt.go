package pdf

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"fmt"
	"hash"

	"dossier"
)

// The standard security handler lets anyone open a PDF whose user password is empty
// (permissions-only protection, common on published reports). Such files are decrypted
// here; a PDF that needs a password is refused.

// padding is the 32-byte password padding string of the PDF standard security handler.
var padding = []byte{
	0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
	0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
}

var errPassword = fmt.Errorf("encrypted PDF that needs a password is not supported: %w", dossier.ErrUnsupported)

// decryptor holds the file key and the ciphers of an encrypted document.
type decryptor struct {
	key       []byte
	aesStream bool // AES for streams (else RC4)
	aesString bool
	aes256    bool // V5: the file key is used as is
	identity  bool // streams and strings not encrypted (Identity crypt filter)
}

// newDecryptor derives the file key for the empty user password.
func (d *document) newDecryptor(enc dict) (*decryptor, error) {
	if f, _ := d.resolve(enc["Filter"]).(name); f != "Standard" {
		return nil, fmt.Errorf("encrypted PDF with the %q security handler is not supported: %w", f, dossier.ErrUnsupported)
	}
	v := intOr(d.resolve(enc["V"]), 0)
	r := intOr(d.resolve(enc["R"]), 0)
	o, _ := d.resolve(enc["O"]).([]byte)
	u, _ := d.resolve(enc["U"]).([]byte)
	p := int32(intOr(d.resolve(enc["P"]), 0))
	length := intOr(d.resolve(enc["Length"]), 40)
	dec := &decryptor{}
	// Crypt filters (V4, V5).
	if v >= 4 {
		cf := d.dictOf(enc["CF"])
		method := func(key name) (aesOn, identity bool) {
			n, _ := d.resolve(enc[key]).(name)
			if n == "" || n == "Identity" {
				return false, true
			}
			f := d.dictOf(cf[n])
			cfm, _ := d.resolve(f["CFM"]).(name)
			return cfm == "AESV2" || cfm == "AESV3", false
		}
		var idS, idT bool
		dec.aesStream, idS = method("StmF")
		dec.aesString, idT = method("StrF")
		dec.identity = idS && idT
	}
	switch {
	case r >= 5:
		if len(u) < 48 {
			return nil, fmt.Errorf("damaged encryption dictionary: %w", dossier.ErrInvalid)
		}
		ue, _ := d.resolve(enc["UE"]).([]byte)
		check := hash2B(nil, u[32:40], nil, r)
		if !bytes.Equal(check, u[:32]) {
			return nil, errPassword
		}
		if len(ue) < 32 {
			return nil, fmt.Errorf("damaged encryption dictionary: %w", dossier.ErrInvalid)
		}
		k := hash2B(nil, u[40:48], nil, r)
		block, err := aes.NewCipher(k)
		if err != nil {
			return nil, fmt.Errorf("damaged encryption dictionary: %w", dossier.ErrInvalid)
		}
		key := make([]byte, 32)
		cipher.NewCBCDecrypter(block, make([]byte, 16)).CryptBlocks(key, ue[:32])
		dec.key, dec.aes256 = key, true
		return dec, nil
	case r >= 2:
		if len(o) < 32 || len(u) < 16 {
			return nil, fmt.Errorf("damaged encryption dictionary: %w", dossier.ErrInvalid)
		}
		n := 5
		if r >= 3 {
			n = length / 8
			if n < 5 || n > 16 {
				n = 16
			}
		}
		var id0 []byte
		if ids, ok := d.resolve(d.trailer["ID"]).([]object); ok && len(ids) > 0 {
			id0, _ = d.resolve(ids[0]).([]byte)
		}
		h := md5.New()
		h.Write(padding)
		h.Write(o[:32])
		var pb [4]byte
		binary.LittleEndian.PutUint32(pb[:], uint32(p))
		h.Write(pb[:])
		h.Write(id0)
		if em, ok := d.resolve(enc["EncryptMetadata"]).(bool); r >= 4 && ok && !em {
			h.Write([]byte{0xFF, 0xFF, 0xFF, 0xFF})
		}
		key := h.Sum(nil)
		if r >= 3 {
			for i := 0; i < 50; i++ {
				s := md5.Sum(key[:n])
				key = s[:]
			}
		}
		key = key[:n]
		// Check the empty user password against /U.
		if r == 2 {
			c, _ := rc4.NewCipher(key)
			out := make([]byte, 32)
			c.XORKeyStream(out, padding)
			if len(u) < 32 || !bytes.Equal(out, u[:32]) {
				return nil, errPassword
			}
		} else {
			h := md5.New()
			h.Write(padding)
			h.Write(id0)
			out := h.Sum(nil)
			for i := 0; i < 20; i++ {
				k := make([]byte, len(key))
				for j := range key {
					k[j] = key[j] ^ byte(i)
				}
				c, _ := rc4.NewCipher(k)
				c.XORKeyStream(out, out)
			}
			if !bytes.Equal(out[:16], u[:16]) {
				return nil, errPassword
			}
		}
		dec.key = key
		if v < 4 {
			dec.aesStream, dec.aesString = false, false
		}
		return dec, nil
	}
	return nil, fmt.Errorf("encrypted PDF (revision %d) is not supported: %w", r, dossier.ErrUnsupported)
}

// hash2B is the password hash of revision 6 (and the plain SHA-256 of revision 5).
func hash2B(pw, salt, udata []byte, r int) []byte {
	h := sha256.New()
	h.Write(pw)
	h.Write(salt)
	h.Write(udata)
	k := h.Sum(nil)
	if r < 6 {
		return k
	}
	for i := 0; ; i++ {
		var k1 []byte
		for j := 0; j < 64; j++ {
			k1 = append(k1, pw...)
			k1 = append(k1, k...)
			k1 = append(k1, udata...)
		}
		block, _ := aes.NewCipher(k[:16])
		e := make([]byte, len(k1))
		cipher.NewCBCEncrypter(block, k[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, b := range e[:16] {
			sum += int(b)
		}
		var hh hash.Hash
		switch sum % 3 {
		case 0:
			hh = sha256.New()
		case 1:
			hh = sha512.New384()
		default:
			hh = sha512.New()
		}
		hh.Write(e)
		k = hh.Sum(nil)
		if i >= 63 && int(e[len(e)-1]) <= i-32 {
			break
		}
		if i > 1000 {
			break
		}
	}
	return k[:32]
}

// objectKey returns the key for one object.
func (c *decryptor) objectKey(num, gen int, useAES bool) []byte {
	if c.aes256 {
		return c.key
	}
	h := md5.New()
	h.Write(c.key)
	h.Write([]byte{byte(num), byte(num >> 8), byte(num >> 16), byte(gen), byte(gen >> 8)})
	if useAES {
		h.Write([]byte("sAlT"))
	}
	k := h.Sum(nil)
	return k[:min(len(c.key)+5, 16)]
}

func (c *decryptor) decrypt(data []byte, num, gen int, useAES bool) []byte {
	key := c.objectKey(num, gen, useAES)
	if !useAES {
		out := make([]byte, len(data))
		ciph, err := rc4.NewCipher(key)
		if err != nil {
			return nil
		}
		ciph.XORKeyStream(out, data)
		return out
	}
	if len(data) < 32 || len(data)%16 != 0 {
		return nil
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil
	}
	out := make([]byte, len(data)-16)
	cipher.NewCBCDecrypter(block, data[:16]).CryptBlocks(out, data[16:])
	if pad := int(out[len(out)-1]); pad >= 1 && pad <= 16 && pad <= len(out) {
		out = out[:len(out)-pad]
	}
	return out
}

// decryptObject decrypts the strings (and stream data) of one indirect object.
func (c *decryptor) decryptObject(o object, num, gen int, depth int) object {
	if depth > maxNesting || c.identity {
		return o
	}
	switch v := o.(type) {
	case []byte:
		return c.decrypt(v, num, gen, c.aesString)
	case []object:
		for i := range v {
			v[i] = c.decryptObject(v[i], num, gen, depth+1)
		}
		return v
	case dict:
		for k, x := range v {
			v[k] = c.decryptObject(x, num, gen, depth+1)
		}
		return v
	case *stream:
		c.decryptObject(v.dict, num, gen, depth+1)
		if t, _ := v.dict["Type"].(name); t != "XRef" {
			v.data = c.decrypt(v.data, num, gen, c.aesStream)
		}
		return v
	}
	return o
}
