# Everything sets itself up from a fresh clone: the first target run creates .venv and installs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEFS   ?= competencies

.PHONY: test validate rulebook schema clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11+ is required" if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[site,test]'
	touch $@

test: $(STAMP)
	$(BIN)/pytest

validate: $(STAMP)
	$(BIN)/handbook validate $(DEFS)

rulebook: $(STAMP)
	$(BIN)/handbook rulebook --dir $(DEFS) -o build/rulebook.json

schema: $(STAMP)
	$(BIN)/handbook schema -o $(DEFS)/_schema

clean:
	rm -rf $(VENV) build site
