/** The project list: live from storage (other tabs' changes appear too), with its actions. */
import { SvelteSet } from 'svelte/reactivity';
import { describeError } from '../shared/errors';
import { getDb, watch } from '../storage/database';
import { getMeta } from '../storage/meta';
import { createProject, deleteProject, duplicateProject, listProjects, renameProject } from '../storage/projects';
import type { ProjectRow } from '../storage/rows';
import { emptyPlan } from '../plan/plan';

export class ProjectsState {
  projects = $state.raw<ProjectRow[]>([]);
  loaded = $state(false);
  lastProjectId = $state<string | null>(null);
  /** The last failed action, in words, for a role="alert" element. */
  error = $state<string | null>(null);
  /** Projects being copied now: a large one takes seconds, and a second click must not make a second copy. */
  copying = new SvelteSet<string>();

  readonly #db = getDb();

  constructor() {
    $effect(() =>
      watch(
        () => listProjects(this.#db),
        (rows) => {
          this.projects = rows;
          this.loaded = true;
        },
        (e) => (this.error = describeError(e)),
      ),
    );
    void getMeta<string>(this.#db, 'lastProjectId').then((id) => (this.lastProjectId = id ?? null));
  }

  /** Runs an action; a failure is shown, never thrown at the view. Returns undefined on failure. */
  async #act<T>(action: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await action();
      this.error = null;
      return result;
    } catch (e) {
      this.error = describeError(e);
      return undefined;
    }
  }

  create(name: string): Promise<ProjectRow | undefined> {
    return this.#act(() => createProject(this.#db, name, emptyPlan()));
  }

  async rename(id: string, name: string): Promise<boolean> {
    return (await this.#act(() => renameProject(this.#db, id, name).then(() => true))) ?? false;
  }

  /** undefined when it failed, or when this project is already being copied. */
  async duplicate(id: string): Promise<ProjectRow | undefined> {
    if (this.copying.has(id)) return undefined;
    this.copying.add(id);
    try {
      return await this.#act(() => duplicateProject(this.#db, id));
    } finally {
      this.copying.delete(id);
    }
  }

  remove(id: string): Promise<void | undefined> {
    return this.#act(() => deleteProject(this.#db, id));
  }
}
