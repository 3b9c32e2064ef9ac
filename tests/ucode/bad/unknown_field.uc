; expect: 4: unknown field FOO
; FOO is no field of test.def.
ADD:
    FOO=1 NEXT=ENDI             ; nonsense
