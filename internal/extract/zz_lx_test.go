package extract
import ("testing";"fmt";"os";"path/filepath";"strings";"dossier/internal/eval")
func TestExamplesScore(t *testing.T){
 x:=testExtractor(t)
 gs,_:=filepath.Glob("../../examples/gold/*.json")
 var tot eval.DocScore
 for _,g:=range gs {
  slug:=strings.TrimSuffix(filepath.Base(g),".json")
  var src []byte; var err error
  for _,ext:=range []string{".txt",".md"} { src,err=os.ReadFile("../../examples/corpus/"+slug+ext); if err==nil {break} }
  if err!=nil { fmt.Println("no doc",slug); continue }
  f,_:=os.Open(g); gold,_:=eval.ReadGold(f); f.Close()
  out:=x.Extract(string(src),Options{})
  sc:=eval.ScoreDoc(gold,out)
  tot.Add(sc)
  fmt.Printf("%-40s F1=%.3f tp=%d pred=%d gold=%d\n   missing=%q\n   spurious=%q\n", slug, sc.Entity.F1(), sc.Entity.TP, sc.Entity.Pred, sc.Entity.Gold, sc.Missing, sc.Spurious)
 }
 fmt.Printf("TOTAL entity P=%.3f R=%.3f F1=%.3f any=%.3f\n", tot.Entity.P(), tot.Entity.R(), tot.Entity.F1(), tot.EntityAny.F1())
}
