; expect: 4: microinstruction before any label
; Words belong to routines.
macro A_ADD ALU=ADD
    A_ADD NEXT=ENDI             ; orphan
ADD:
    NEXT=ENDI                   ; fine
