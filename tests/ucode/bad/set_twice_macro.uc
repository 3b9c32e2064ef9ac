; expect: 5: field ALU set twice
; The macro sets ALU, and so does the line.
macro A_ADD ALU=ADD
ADD:
    A_ADD ALU=SUB NEXT=ENDI     ; which?
