# Everything sets itself up from a fresh clone: the first target run creates .venv and installs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# the handbook folder and where its site goes: `make site DEFS=ours SITE=ours-site`
DEFS   ?= competencies
SITE   ?= site
# only when the site is served under a sub-path: SITE_URL=http://host/handbook/ (the 404 page's links)
SITE_URL ?=

NODE   := node_modules/.installed

.PHONY: test validate release rulebook schema site serve bench dist clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11+ is required" if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

$(NODE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

test: $(STAMP) $(NODE)
	$(BIN)/pytest

site: $(STAMP) $(NODE)
	$(BIN)/python -m generator.site build --dir $(DEFS) --site-dir $(SITE) $(if $(SITE_URL),--site-url $(SITE_URL))

serve: $(STAMP) $(NODE)
	$(BIN)/python -m generator.site serve --dir $(DEFS) --addr 127.0.0.1:8000

# not part of `make test` (about 6 minutes on 2 cores): writes bench/results.json and content/performance.md
bench: $(STAMP) $(NODE)
	$(BIN)/python -m bench

# one wheel that builds sites with no checkout, no Node and no network (README: installing without the checkout)
dist: $(STAMP) $(NODE)
	$(BIN)/python -m generator.site.distribution --out dist

validate: $(STAMP)
	$(BIN)/handbook validate $(DEFS)

# when publishing: archives this version in $(DEFS)/_releases/ (commit it with the YAML) for the 版本变更 page
release: $(STAMP)
	$(BIN)/handbook release --dir $(DEFS)

rulebook: $(STAMP)
	$(BIN)/handbook rulebook --dir $(DEFS) -o build/rulebook.json

schema: $(STAMP)
	$(BIN)/handbook schema --dir $(DEFS)

clean:
	rm -rf $(VENV) node_modules build site dist
