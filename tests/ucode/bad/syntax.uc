; expect: 4: syntax error
; A FIELD=VALUE item with no value.
ADD:
    ALU= NEXT=ENDI              ; rd <- ?
