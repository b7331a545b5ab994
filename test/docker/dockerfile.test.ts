import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Copy, DockerfileParser, type Instruction, type JSONInstruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TEXT = readFileSync(`${ROOT}Dockerfile`, 'utf8');
const dockerfile = DockerfileParser.parse(TEXT);

interface Stage {
  name: string | null;
  image: string | null;
  instructions: Instruction[];
}

/** The instructions grouped under each FROM, in order. */
const stages: Stage[] = [];
for (const instruction of dockerfile.getInstructions()) {
  if (instruction.getKeyword() === 'FROM') {
    const [image, as, name] = instruction.getArguments().map((argument) => argument.getValue());
    stages.push({ name: as?.toUpperCase() === 'AS' ? (name ?? null) : null, image: image ?? null, instructions: [] });
  } else {
    stages.at(-1)?.instructions.push(instruction);
  }
}
const runtime = stages.at(-1)!;
const of = (stage: Stage, keyword: string) =>
  stage.instructions.filter((instruction) => instruction.getKeyword() === keyword);
const text = (instruction: Instruction) => instruction.getArgumentsContent() ?? '';
const json = (instruction: Instruction) =>
  (instruction as JSONInstruction).getJSONStrings().map((value) => value.getJSONValue());
const stageNamed = (name: string) => stages.find((stage) => stage.name === name);

describe('Dockerfile', () => {
  it('passes the Dockerfile linter with no finding', () => {
    expect(validate(TEXT)).toEqual([]);
  });

  it('builds and runs every stage on the Node 24 slim image', () => {
    expect(stages.length).toBeGreaterThan(1);
    expect(stages.map((stage) => stage.image)).toEqual(stages.map(() => 'node:24-bookworm-slim'));
  });

  it('installs dependencies in their own layer, from package.json and the lockfile alone, before any source is copied', () => {
    for (const stage of stages.filter((candidate) =>
      of(candidate, 'RUN').some((run) => /\bnpm ci\b/.test(text(run))),
    )) {
      const install = stage.instructions.findIndex((instruction) => /\bnpm ci\b/.test(text(instruction)));
      const copies = stage.instructions.slice(0, install).filter((instruction) => instruction.getKeyword() === 'COPY');
      expect(copies.map(text), `stage ${stage.name}`).toEqual(['package.json package-lock.json ./']);
      // Our own prepare script compiles the sources, which are not there yet.
      expect(text(stage.instructions[install]!), `stage ${stage.name}`).toContain('--ignore-scripts');
    }
  });

  it('compiles the native fallback against the headers in the image, with the build tools only in a build stage', () => {
    const compiling = stages.filter((stage) =>
      of(stage, 'RUN').some((run) => /npm rebuild better-sqlite3/.test(text(run))),
    );
    expect(compiling).toHaveLength(1);
    const [stage] = compiling;
    expect(of(stage!, 'ENV').map(text)).toContain('npm_config_nodedir=/usr/local');
    const apt = of(stage!, 'RUN')
      .map(text)
      .find((run) => run.includes('apt-get install'));
    expect(apt).toMatch(/--no-install-recommends/);
    expect(apt).toMatch(/rm -rf \/var\/lib\/apt\/lists\/\*/);
    expect(stage).not.toBe(runtime);
  });

  it('ships production dependencies only, without the addon’s build leftovers, and nothing built in the runtime stage', () => {
    const copies = of(runtime, 'COPY') as Copy[];
    const modules = copies.find((copy) => text(copy).endsWith('./node_modules'));
    const source = stageNamed(modules?.getFromFlag()?.getValue() ?? '');
    expect(source).toBeDefined();
    const install = of(source!, 'RUN').map(text).join('\n');
    expect(install).toMatch(/npm ci --omit=dev/);
    expect(install).toMatch(/rm -rf build deps src/);
    expect(of(runtime, 'RUN').map(text)).toEqual(['mkdir /data && chown 1000:1000 /data']);
    expect(copies.map(text)).not.toContain('src ./src');
  });

  it('runs node directly as uid 1000, with the database on the /data volume', () => {
    const cmd = of(runtime, 'CMD');
    expect(cmd).toHaveLength(1);
    expect(json(cmd[0]!)).toEqual(['node', 'dist/adapters/start.js']);
    expect(existsSync(`${ROOT}adapters/start.ts`)).toBe(true);
    expect(of(runtime, 'USER').map(text)).toEqual(['1000:1000']);
    expect(of(runtime, 'VOLUME').map(text)).toEqual(['["/data"]']);
    expect(of(runtime, 'ENV').map(text).join(' ')).toMatch(/\bMTASTS_DB=\/data\/mtasts\.db\b/);
  });

  it('checks health with node’s fetch against GET /healthz, since the slim image has no curl', () => {
    const checks = of(runtime, 'HEALTHCHECK');
    expect(checks).toHaveLength(1);
    expect(text(checks[0]!)).toBe('CMD ["node", "dist/adapters/http/healthcheck.js"]');
    expect(readFileSync(`${ROOT}adapters/http/healthcheck.ts`, 'utf8')).toMatch(
      /fetch\(`http:\/\/127\.0\.0\.1:\$\{port\}\/healthz`/,
    );
    expect(of(runtime, 'EXPOSE').map(text)).toEqual(['8080']);
  });
});
