<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AssertionResultsView</name>
    <message>
        <location filename="../ui/http/assertionresultsview.cpp" line="+57"/>
        <location line="+2"/>
        <source>Assertion results</source>
        <translation>Resultados de las aserciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each assertion of the request against this response</source>
        <translation>Cada aserción de la petición frente a esta respuesta</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The assertions of the request, checked against this response</source>
        <translation>Las aserciones de la petición, comprobadas con esta respuesta</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Checking 1 assertion…</source>
        <translation>Comprobando 1 aserción…</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Checking %n assertions…</source>
        <translation>
            <numerusform>Comprobando %n aserción…</numerusform>
            <numerusform>Comprobando %n aserciones…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>1 assertion not checked</source>
        <translation>1 aserción sin comprobar</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n assertions not checked</source>
        <translation>
            <numerusform>%n aserción sin comprobar</numerusform>
            <numerusform>%n aserciones sin comprobar</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No response arrived, so there was nothing to check</source>
        <translation>No llegó ninguna respuesta, así que no había nada que comprobar</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Passed: %1</source>
        <translation>Superada: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed: %1 (%2)</source>
        <translation>Fallida: %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>passed: %1</source>
        <translation>superada: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed: %1</source>
        <translation>fallida: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <location line="+1"/>
        <source>%n passed</source>
        <comment>assertions</comment>
        <translation>
            <numerusform>%n superada</numerusform>
            <numerusform>%n superadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n failed</source>
        <comment>assertions</comment>
        <translation>
            <numerusform>%n fallida</numerusform>
            <numerusform>%n fallidas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every assertion of the request passed</source>
        <translation>Se superaron todas las aserciones de la petición</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See the list below the response for what was found</source>
        <translation>Consulta en la lista bajo la respuesta lo que se encontró</translation>
    </message>
</context>
<context>
    <name>Assertions</name>
    <message>
        <location filename="../app/core/http/assertionevaluation.cpp" line="+105"/>
        <source>status %1, expected %2</source>
        <translation>estado %1, se esperaba %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>header %1 is missing</source>
        <translation>falta la cabecera %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>header %1: expected none, got %2</source>
        <translation>cabecera %1: no se esperaba ninguna, se encontró %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>header %1 is missing, expected %2</source>
        <translation>falta la cabecera %1, se esperaba %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>header %1: expected %2, got %3</source>
        <translation>cabecera %1: se esperaba %2, se encontró %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>header %1 is missing, expected a match for %2</source>
        <translation>falta la cabecera %1, se esperaba una coincidencia con %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>header %1: %2 does not match %3</source>
        <translation>cabecera %1: %2 no coincide con %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: the body is not JSON (%2)</source>
        <translation>%1: el cuerpo no es JSON (%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: not found</source>
        <translation>%1: no se encontró</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: expected none, got %2</source>
        <translation>%1: no se esperaba ninguno, se encontró %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: not found, expected %2</source>
        <translation>%1: no se encontró, se esperaba %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: expected %2, got %3</source>
        <translation>%1: se esperaba %2, se encontró %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: not found, expected a match for %2</source>
        <translation>%1: no se encontró, se esperaba una coincidencia con %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2 does not match %3</source>
        <translation>%1: %2 no coincide con %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>time %1 ms, expected under %2 ms</source>
        <translation>tiempo %1 ms, se esperaba menos de %2 ms</translation>
    </message>
    <message>
        <location filename="../app/core/http/assertions.cpp" line="+38"/>
        <source>%1: give one of &quot;equals&quot;, &quot;exists&quot; or &quot;matches&quot;, as in {&quot;%1&quot;: ..., &quot;equals&quot;: ...}</source>
        <translation>%1: indica uno de &quot;equals&quot;, &quot;exists&quot; o &quot;matches&quot;, como en {&quot;%1&quot;: ..., &quot;equals&quot;: ...}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 assertion: unknown key &quot;%2&quot; (use &quot;equals&quot;, &quot;exists&quot; or &quot;matches&quot;)</source>
        <translation>aserción %1: clave desconocida &quot;%2&quot; (usa &quot;equals&quot;, &quot;exists&quot; o &quot;matches&quot;)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 assertion: &quot;exists&quot; must be true or false, got %2</source>
        <translation>aserción %1: &quot;exists&quot; debe ser true o false, se encontró %2</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>an assertion is an object like {&quot;status&quot;: 200}, got %1</source>
        <translation>una aserción es un objeto como {&quot;status&quot;: 200}, se encontró %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>an assertion checks one of &quot;status&quot;, &quot;header&quot;, &quot;json&quot; or &quot;timeUnderMs&quot;, got %1</source>
        <translation>una aserción comprueba uno de &quot;status&quot;, &quot;header&quot;, &quot;json&quot; o &quot;timeUnderMs&quot;, se encontró %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 assertion: only {&quot;%1&quot;: ...}, no other keys</source>
        <translation>aserción %1: solo {&quot;%1&quot;: ...}, sin otras claves</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&quot;header&quot; must name a header, got %1</source>
        <translation>&quot;header&quot; debe nombrar una cabecera, se encontró %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;json&quot; must be a JSON path like $.items[0].id, got %1</source>
        <translation>&quot;json&quot; debe ser una ruta JSON como $.items[0].id, se encontró %1</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>status: expected a status like 200 or a class like &quot;2xx&quot;, got %1</source>
        <translation>status: se esperaba un estado como 200 o una clase como &quot;2xx&quot;, se encontró %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>timeUnderMs: expected a number of milliseconds above 0, got %1</source>
        <translation>timeUnderMs: se esperaba un número de milisegundos mayor que 0, se encontró %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>header: name the header</source>
        <translation>header: indica el nombre de la cabecera</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>header %1: &quot;equals&quot; must be a text, got %2</source>
        <translation>cabecera %1: &quot;equals&quot; debe ser un texto, se encontró %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: &quot;equals&quot; needs a value</source>
        <translation>%1: &quot;equals&quot; necesita un valor</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: &quot;matches&quot; must be a regular expression in a text, got %2</source>
        <translation>%1: &quot;matches&quot; debe ser una expresión regular en un texto, se encontró %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: &quot;matches&quot; /%2/ is not a valid regular expression: %3 at character %4</source>
        <translation>%1: &quot;matches&quot; /%2/ no es una expresión regular válida: %3 en el carácter %4</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: this check does not apply here</source>
        <translation>%1: esta comprobación no se aplica aquí</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>status is %1</source>
        <translation>el estado es %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>time under %1 ms</source>
        <translation>el tiempo es menor de %1 ms</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>header %1</source>
        <translation>la cabecera %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 exists</source>
        <translation>%1 existe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is absent</source>
        <translation>%1 no existe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 matches %2</source>
        <translation>%1 coincide con %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is %2</source>
        <translation>%1 es %2</translation>
    </message>
</context>
<context>
    <name>AssertionsEditor</name>
    <message>
        <location filename="../ui/http/assertionseditor.cpp" line="+19"/>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+26"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Assertions</source>
        <translation>Aserciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checks each response of this request must pass; double-click a cell to change it</source>
        <translation>Comprobaciones que debe superar cada respuesta de esta petición; haz doble clic en una celda para cambiarla</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Add an assertion (status is 200); change its kind and check in the table</source>
        <translation>Añadir una aserción (el estado es 200); cambia su tipo y su comprobación en la tabla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add assertion</source>
        <translation>Añadir aserción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected assertions (Delete)</source>
        <translation>Quitar las aserciones seleccionadas (Supr)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove assertions</source>
        <translation>Quitar aserciones</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Where the assertions are kept</source>
        <translation>Dónde se guardan las aserciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The results are shown beside the response after each send</source>
        <translation>Los resultados se muestran junto a la respuesta tras cada envío</translation>
    </message>
</context>
<context>
    <name>AssertionsModel</name>
    <message>
        <location filename="../ui/http/assertionsmodel.cpp" line="+106"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Header</source>
        <translation>Cabecera</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON path</source>
        <translation>Ruta JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>equals</source>
        <translation>es igual a</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in class</source>
        <translation>en la clase</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exists</source>
        <translation>existe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is absent</source>
        <translation>no existe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>matches</source>
        <translation>coincide con</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>under (ms)</source>
        <translation>menor de (ms)</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>Checks that %1</source>
        <translation>Comprueba que %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (not checked or saved until fixed)</source>
        <translation>%1 (no se comprueba ni se guarda hasta que se corrija)</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check</source>
        <translation>Comprobación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What to check: the status, a header, a value in the JSON body, or the response time</source>
        <translation>Qué comprobar: el estado, una cabecera, un valor del cuerpo JSON, o el tiempo de respuesta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The header&apos;s name, or the JSON path of the value, such as $.items[0].id</source>
        <translation>El nombre de la cabecera, o la ruta JSON del valor, como $.items[0].id</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How to compare: equals, in class (2xx), exists, is absent, matches a regular expression, under a number of milliseconds</source>
        <translation>Cómo comparar: es igual a, en la clase (2xx), existe, no existe, coincide con una expresión regular, menor de un número de milisegundos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A status (200) or class (2xx), a header&apos;s text, a JSON value (7, &quot;dev&quot;, true), a regular expression, or milliseconds</source>
        <translation>Un estado (200) o una clase (2xx), el texto de una cabecera, un valor JSON (7, &quot;dev&quot;, true), una expresión regular, o milisegundos</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <location filename="../ui/autostart.cpp" line="+63"/>
        <source>Could not remove %1; delete it to stop starting at login.</source>
        <translation>No se pudo quitar %1; bórralo para que Pasarela deje de abrirse al iniciar sesión.</translation>
    </message>
</context>
<context>
    <name>Cluster</name>
    <message>
        <location filename="../app/cli/clustercommand.cpp" line="+20"/>
        <source> -&gt; node port %1</source>
        <translation> -&gt; puerto de nodo %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Context: %1</source>
        <translation>Contexto: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (Minikube profile &quot;%1&quot;, node %2)</source>
        <translation> (perfil de Minikube &quot;%1&quot;, nodo %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Minikube profiles:</source>
        <translation>Perfiles de Minikube:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ingress controller: %1/%2, http node port %3, https node port %4</source>
        <translation>Controlador de ingress: %1/%2, puerto de nodo http %3, puerto de nodo https %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ingress controller: none found</source>
        <translation>Controlador de ingress: no se encontró ninguno</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NodePort and LoadBalancer services:</source>
        <translation>Servicios NodePort y LoadBalancer:</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+13"/>
        <location line="+19"/>
        <source>none</source>
        <translation>nada</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Ingresses:</source>
        <translation>Ingresses:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (class %1)</source>
        <translation> (clase %1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TLS %1 (secret %2)</source>
        <translation>TLS %1 (Secret %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>default backend -&gt; %1</source>
        <translation>backend por defecto -&gt; %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rules it would create:</source>
        <translation>Reglas que crearía:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Notes:</source>
        <translation>Notas:</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>Print what was found as JSON.</source>
        <translation>Imprime lo encontrado como JSON.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The host address the planned rules listen on (default 0.0.0.0).</source>
        <translation>La dirección de este equipo en la que escucharían las reglas previstas (predeterminada 0.0.0.0).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ADDR</source>
        <translation>DIRECCIÓN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kubectl context to read (default: the current one).</source>
        <translation>El contexto de kubectl que leer (predeterminado: el actual).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NAME</source>
        <translation>NOMBRE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show this help.</source>
        <translation>Muestra esta ayuda.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (see pasarela cluster --help)</source>
        <translation>%1 (consulta pasarela cluster --help)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Usage: pasarela cluster [options]</source>
        <translation>Uso: pasarela cluster [opciones]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reads the cluster with minikube and kubectl (from PATH) and prints the
Minikube profiles, the kubectl context, the ingress controller, the
NodePort and LoadBalancer services, the Ingresses, and the rules it
would create.

Exit codes:
  0  the cluster was read
  2  bad arguments
  3  no cluster could be read: kubectl missing, no context, the cluster stopped or unreachable
</source>
        <translation>Lee el clúster con minikube y kubectl (del PATH) e imprime los perfiles
de Minikube, el contexto de kubectl, el controlador de ingress, los
servicios NodePort y LoadBalancer, los Ingresses y las reglas que
crearía.

Códigos de salida:
  0  se leyó el clúster
  2  argumentos incorrectos
  3  no se pudo leer ningún clúster: falta kubectl, no hay contexto, el clúster está detenido o no se puede alcanzar
</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unexpected argument &quot;%1&quot; (see pasarela cluster --help)</source>
        <translation>argumento inesperado &quot;%1&quot; (consulta pasarela cluster --help)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--listen: %1</source>
        <translation>--listen: %1</translation>
    </message>
    <message>
        <location filename="../app/core/cluster/clusterinfo.cpp" line="+17"/>
        <source>&quot;%1&quot; printed something that is not a JSON object (%2); is the tool too old or too new?</source>
        <translation>&quot;%1&quot; imprimió algo que no es un objeto JSON (%2); ¿es la herramienta demasiado antigua o demasiado nueva?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>another JSON value</source>
        <translation>otro valor JSON</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot; printed no &quot;items&quot; list; is the tool too old or too new?</source>
        <translation>&quot;%1&quot; no imprimió ninguna lista &quot;items&quot;; ¿es la herramienta demasiado antigua o demasiado nueva?</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>kubectl has no current context; choose one with &quot;kubectl config use-context NAME&quot;</source>
        <translation>kubectl no tiene ningún contexto actual; elige uno con &quot;kubectl config use-context NOMBRE&quot;</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>no node has an InternalIP address</source>
        <translation>ningún nodo tiene una dirección InternalIP</translation>
    </message>
    <message>
        <location filename="../app/core/cluster/clusterreader.cpp" line="+23"/>
        <source>%1 is not installed or not on PATH</source>
        <translation>%1 no está instalado o no está en el PATH</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&quot;%1&quot; could not be started: %2</source>
        <translation>no se pudo iniciar &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&quot;%1&quot; did not answer within %2 s</source>
        <translation>&quot;%1&quot; no respondió en %2 s</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>exit code %1</source>
        <translation>código de salida %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Minikube profiles not read: %1</source>
        <translation>No se leyeron los perfiles de Minikube: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>the Minikube profile &quot;%1&quot; is %2: start it with &quot;minikube start -p %1&quot;</source>
        <translation>el perfil de Minikube &quot;%1&quot; no está en marcha (%2): inícialo con &quot;minikube start -p %1&quot;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Minikube gives no node IP for &quot;%1&quot;</source>
        <translation>Minikube no da ninguna IP de nodo para &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the context &quot;%1&quot; is not a Minikube profile: the rules go to the node %2 (kubectl get nodes)</source>
        <translation>el contexto &quot;%1&quot; no es un perfil de Minikube: las reglas van al nodo %2 (kubectl get nodes)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the context &quot;%1&quot; is not a Minikube profile: the rules go to the nodes %2, the first that answers (kubectl get nodes)</source>
        <translation>el contexto &quot;%1&quot; no es un perfil de Minikube: las reglas van a los nodos %2, al primero que responda (kubectl get nodes)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the context &quot;%1&quot; is not a Minikube profile and its nodes were not read (%2): the node IP is not known, so no rules are planned</source>
        <translation>el contexto &quot;%1&quot; no es un perfil de Minikube y no se pudieron leer sus nodos (%2): no se conoce la IP del nodo, así que no se prevé ninguna regla</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot reach the cluster of the kubectl context &quot;%1&quot;: %2; is it running? (&quot;kubectl cluster-info&quot; says more)</source>
        <translation>no se puede llegar al clúster del contexto de kubectl &quot;%1&quot;: %2; ¿está en marcha? (&quot;kubectl cluster-info&quot; da más detalles)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no ingress-nginx controller of type NodePort or LoadBalancer; on Minikube: &quot;minikube addons enable ingress&quot;</source>
        <translation>no hay ningún controlador ingress-nginx de tipo NodePort o LoadBalancer; en Minikube: &quot;minikube addons enable ingress&quot;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Ingresses not read: %1</source>
        <translation>No se leyeron los Ingresses: %1</translation>
    </message>
</context>
<context>
    <name>ClusterFollower</name>
    <message>
        <location filename="../app/core/cluster/clusterfollower.cpp" line="+196"/>
        <source>the Service %1/%2 has no port %3 now</source>
        <translation>el Service %1/%2 ya no tiene el puerto %3</translation>
    </message>
</context>
<context>
    <name>Coding</name>
    <message>
        <location filename="../app/core/http/contentcoding.cpp" line="+23"/>
        <source>%1: the decoder cannot start</source>
        <translation>%1: no se puede iniciar el descodificador</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: the body decodes to more than %2 MiB</source>
        <translation>%1: el cuerpo descodificado ocupa más de %2 MiB</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: the body ends before its compressed data does</source>
        <translation>%1: el cuerpo termina antes que sus datos comprimidos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the body is damaged (%2)</source>
        <translation>%1: el cuerpo está dañado (%2)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1: the body is not in that form</source>
        <translation>%1: el cuerpo no está en ese formato</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: Pasarela cannot undo this coding</source>
        <translation>%1: Pasarela no puede deshacer esta codificación</translation>
    </message>
</context>
<context>
    <name>CollectionLink</name>
    <message>
        <location filename="../ui/http/collectionlink.cpp" line="+58"/>
        <source>My requests</source>
        <translation>Mis peticiones</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Kept with this request until another is loaded; Save to collection… keeps them for good.</source>
        <translation>Se guardan con esta petición hasta que se cargue otra; Guardar en colección… las conserva para siempre.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved at once with this request of the collection &quot;%1&quot;.</source>
        <translation>Se guardan al momento con esta petición de la colección &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved at once with &quot;%1&quot; of the collection &quot;%2&quot;.</source>
        <translation>Se guardan al momento con &quot;%1&quot; de la colección &quot;%2&quot;.</translation>
    </message>
</context>
<context>
    <name>CollectionsPanel</name>
    <message>
        <location filename="../ui/http/collectionspanel.cpp" line="+25"/>
        <source>No collections yet. Rules › Expose cluster… adds one for each Ingress, with a request for each of its hosts and paths.</source>
        <translation>Aún no hay colecciones. Reglas › Exponer clúster… añade una por cada Ingress, con una petición por cada uno de sus hosts y rutas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+20"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Collections file problem</source>
        <translation>Problema con el archivo de colecciones</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Request collections</source>
        <translation>Colecciones de peticiones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click a request to load it into the editor; Delete removes it</source>
        <translation>Haz clic en una petición para cargarla en el editor; Supr la elimina</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Remove the selected request, or the whole collection (Delete)</source>
        <translation>Quitar la petición seleccionada, o la colección entera (Supr)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete from collections</source>
        <translation>Eliminar de las colecciones</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>Delete collection</source>
        <translation>Eliminar colección</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete the collection &quot;%1&quot; and its %n request(s)?</source>
        <translation>
            <numerusform>¿Eliminar la colección &quot;%1&quot; y su %n petición?</numerusform>
            <numerusform>¿Eliminar la colección &quot;%1&quot; y sus %n peticiones?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+40"/>
        <source>1 assertion</source>
        <translation>1 aserción</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n assertions</source>
        <translation>
            <numerusform>%n aserción</numerusform>
            <numerusform>%n aserciones</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../app/cli/commandline.cpp" line="+21"/>
        <source>--forward &quot;%1&quot;: expected [ADDR:]PORT=HOST:PORT, e.g. 0.0.0.0:31042=192.168.49.2:80</source>
        <translation>--forward &quot;%1&quot;: se esperaba [ADDR:]PORT=HOST:PORT, p. ej. 0.0.0.0:31042=192.168.49.2:80</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--forward &quot;%1&quot;: listen address: %2</source>
        <translation>--forward &quot;%1&quot;: dirección de escucha: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--forward &quot;%1&quot;: target: %2</source>
        <translation>--forward &quot;%1&quot;: destino: %2</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Show this help and exit.</source>
        <translation>Muestra esta ayuda y sale.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the version and exit.</source>
        <translation>Muestra la versión y sale.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the rules without a window until SIGINT or SIGTERM.</source>
        <translation>Ejecuta las reglas sin ventana hasta recibir SIGINT o SIGTERM.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use the rules file FILE instead of the default (%1).</source>
        <translation>Usa el archivo de reglas ARCHIVO en lugar del predeterminado (%1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Pasarela forwards TCP and UDP ports of this machine to a local Kubernetes cluster (or any host:port)
and shows what crosses them. Without --headless it opens the window with the saved rules.
pasarela request [options] URL sends one HTTP request, as curl would (see pasarela request --help).
pasarela cluster reads a Minikube cluster; pasarela export writes the rules for nginx, socat, systemd...
(see pasarela cluster --help, pasarela export --help).</source>
        <translation>Pasarela reenvía puertos TCP y UDP de esta máquina a un clúster local de Kubernetes (o a cualquier host:puerto)
y muestra lo que pasa por ellos. Sin --headless abre la ventana con las reglas guardadas.
pasarela request [opciones] URL envía una petición HTTP, como lo haría curl (consulta pasarela request --help).
pasarela cluster lee un clúster de Minikube; pasarela export escribe las reglas para nginx, socat, systemd...
(consulta pasarela cluster --help, pasarela export --help).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>pasarela run COLLECTION runs a request collection and checks its assertions (see pasarela run --help).</source>
        <translation>pasarela run COLLECTION ejecuta una colección de peticiones y comprueba sus aserciones (consulta pasarela run --help).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Also forward [ADDR:]PORT to HOST:PORT (repeatable; ADDR defaults to 127.0.0.1; IPv6 as [::1]:8080; several targets, separated by commas, are tried in order; udp: first relays UDP datagrams, e.g. udp:5353=10.96.0.10:53).</source>
        <translation>Reenvía además [ADDR:]PORT a HOST:PORT (repetible; sin ADDR, 127.0.0.1; IPv6 como [::1]:8080; varios destinos, separados por comas, se prueban en orden; con udp: delante reenvía datagramas UDP, p. ej. udp:5353=10.96.0.10:53).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Inject a fault into a rule&apos;s connections (repeatable): RULE is its name or listen port; FAULT is latency=200ms[,jitter=50ms], bandwidth=KIB_PER_S, reset=BYTES or reset=300ms, timeout[=5s], slice=BYTES[,delay=10ms] or refuse; then [,up|down|both][,toxicity=0.5]. Default direction: down (responses).</source>
        <translation>Inyecta un fallo en las conexiones de una regla (repetible): RULE es su nombre o su puerto de escucha; FAULT es latency=200ms[,jitter=50ms], bandwidth=KIB_PER_S, reset=BYTES o reset=300ms, timeout[=5s], slice=BYTES[,delay=10ms] o refuse; después, [,up|down|both][,toxicity=0.5]. Sentido predeterminado: down (respuestas).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Print a stats line per rule every SECONDS seconds.</source>
        <translation>Imprime una línea de estadísticas por regla cada SEGUNDOS segundos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SECONDS</source>
        <translation>SEGUNDOS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relay threads (default: one per CPU core).</source>
        <translation>Hilos de reenvío (predeterminado: uno por núcleo de CPU).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connections open at once across all rules; more are refused (default: the rules file&apos;s &quot;maxConnections&quot;, else half the descriptor limit).</source>
        <translation>Conexiones abiertas a la vez entre todas las reglas; las demás se rechazan (predeterminado: el &quot;maxConnections&quot; del archivo de reglas o, si no está, la mitad del límite de descriptores).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Print a line per connection when it closes: client -&gt; listen address =&gt; our address -&gt; target, why it closed, how long it lasted, bytes each way.</source>
        <translation>Imprime una línea por conexión cuando se cierra: cliente -&gt; dirección de escucha =&gt; nuestra dirección -&gt; destino, por qué se cerró, cuánto duró y los bytes en cada sentido.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Inspect every rule&apos;s connections and print a line per HTTP request (client, method, Host, path, status, time) and per TLS connection (client, server name, ALPN).</source>
        <translation>Inspecciona las conexiones de todas las reglas e imprime una línea por cada petición HTTP (cliente, método, Host, ruta, estado, tiempo) y por cada conexión TLS (cliente, nombre de servidor, ALPN).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Also start a built-in demo ingress (Host api.local or web.local) and the rule &quot;demo ingress&quot; on 127.0.0.1:%1 to it; nothing is saved.</source>
        <translation>Inicia además un ingress de demo integrado (Host api.local o web.local) y la regla &quot;demo ingress&quot; en 127.0.0.1:%1 hacia él; no se guarda nada.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start with the window hidden in the tray (as when started at login); the rules listen as usual.</source>
        <translation>Inicia con la ventana oculta en la bandeja del sistema (como al iniciar sesión); las reglas escuchan como siempre.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rules made from the cluster re-read it (every &quot;clusterCheckS&quot; seconds, default 30, and after a failed connection) and move to where their service answers now; a line per move (the default, for each rule whose &quot;followCluster&quot; is not false).</source>
        <translation>Las reglas creadas desde el clúster lo vuelven a leer (cada &quot;clusterCheckS&quot; segundos, por defecto 30, y tras una conexión fallida) y se mueven a donde responde ahora su servicio; una línea por cada cambio (por defecto, para cada regla cuyo &quot;followCluster&quot; no sea false).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep every rule&apos;s targets as the rules file has them; the cluster is not read.</source>
        <translation>Mantiene los destinos de cada regla tal como están en el archivo de reglas; no se lee el clúster.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (see --help)</source>
        <translation>%1 (consulta --help)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unexpected argument &quot;%1&quot; (see --help)</source>
        <translation>argumento inesperado &quot;%1&quot; (consulta --help)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Usage: pasarela [options]</source>
        <translation>Uso: pasarela [opciones]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exit codes:
  0  stopped cleanly (SIGINT or SIGTERM)
  2  bad arguments or a bad rules file
  3  a listener could not be opened
</source>
        <translation>Códigos de salida:
  0  se detuvo correctamente (SIGINT o SIGTERM)
  2  argumentos incorrectos o un archivo de reglas incorrecto
  3  no se pudo abrir un socket de escucha
</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>--follow-cluster and --no-follow-cluster: choose one</source>
        <translation>--follow-cluster y --no-follow-cluster: elige uno</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--hidden is for the window; --headless has none</source>
        <translation>--hidden es para la ventana; --headless no tiene ninguna</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--fault &quot;%1&quot;: expected RULE:FAULT, e.g. 8080:latency=200ms,jitter=50ms</source>
        <translation>--fault &quot;%1&quot;: se esperaba RULE:FAULT, p. ej. 8080:latency=200ms,jitter=50ms</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--fault &quot;%1&quot;: %2</source>
        <translation>--fault &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--stats &quot;%1&quot;: expected a whole number of seconds (1-86400)</source>
        <translation>--stats &quot;%1&quot;: se esperaba un número entero de segundos (1-86400)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--max-connections &quot;%1&quot;: expected a number of connections (1-%2)</source>
        <translation>--max-connections &quot;%1&quot;: se esperaba un número de conexiones (1-%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--fault needs --headless; in the window, set faults in the rule&apos;s editor</source>
        <translation>--fault necesita --headless; en la ventana, pon los fallos en el editor de la regla</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--forward, --stats, --max-connections, --log-connections and --log-requests need --headless; in the window, add rules with Rules &gt; Add rule, see connections in the Connections tab and requests in the Requests tab, and set &quot;maxConnections&quot; in the rules file</source>
        <translation>--forward, --stats, --max-connections, --log-connections y --log-requests necesitan --headless; en la ventana, añade reglas con Reglas &gt; Añadir regla, mira las conexiones en la pestaña Conexiones y las peticiones en la pestaña Peticiones, y fija &quot;maxConnections&quot; en el archivo de reglas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--follow-cluster and --no-follow-cluster need --headless; in the window, each rule&apos;s editor says whether it follows the cluster</source>
        <translation>--follow-cluster y --no-follow-cluster necesitan --headless; en la ventana, el editor de cada regla dice si sigue al clúster</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--workers &quot;%1&quot;: expected a number of threads (1-256)</source>
        <translation>--workers &quot;%1&quot;: se esperaba un número de hilos (1-256)</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="+48"/>
        <source>already running with these rules; its window was brought to the front</source>
        <translation>ya se está ejecutando con estas reglas; su ventana se ha traído al frente</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>no display to open the window on; use --headless to run the rules without one</source>
        <translation>no hay pantalla en la que abrir la ventana; usa --headless para ejecutar las reglas sin ella</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <location filename="../app/core/relay/enginesnapshot.cpp" line="+10"/>
        <source>connecting</source>
        <translation>conectando</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open</source>
        <translation>abierta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>client done sending</source>
        <translation>el cliente terminó de enviar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>target done sending</source>
        <translation>el destino terminó de enviar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation>cerrada</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>client closed</source>
        <translation>cerrada por el cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>target closed</source>
        <translation>cerrada por el destino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>target refused</source>
        <translation>rechazada por el destino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>target unreachable</source>
        <translation>destino inalcanzable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connect timeout</source>
        <translation>tiempo de conexión agotado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reset by client</source>
        <translation>reiniciada por el cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reset by target</source>
        <translation>reiniciada por el destino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>idle timeout</source>
        <translation>tiempo de inactividad agotado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not allowed</source>
        <translation>no permitida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>limit reached</source>
        <translation>límite alcanzado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rule stopped</source>
        <translation>regla detenida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed by user</source>
        <translation>cerrada por el usuario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reset by a fault</source>
        <translation>reiniciada por un fallo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>timeout fault</source>
        <translation>fallo de tiempo de espera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused by a fault</source>
        <translation>rechazada por un fallo</translation>
    </message>
</context>
<context>
    <name>ConnectionDetail</name>
    <message>
        <location filename="../ui/connections/connectiondetail.cpp" line="+49"/>
        <source>Requests of the selected connection</source>
        <translation>Peticiones de la conexión seleccionada</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Select a connection to see its HTTP requests or TLS names.</source>
        <translation>Selecciona una conexión para ver sus peticiones HTTP o sus nombres TLS.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>UDP: the datagrams of one client address and port, relayed as they are (not inspected); the session ends when its rule&apos;s idle timeout passes without one.</source>
        <translation>UDP: los datagramas de una dirección y puerto de cliente, reenviados tal cual (sin inspeccionar); la sesión termina cuando pasa el tiempo de inactividad de su regla sin ninguno.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inspection is off for this connection&apos;s rule.</source>
        <translation>La inspección está desactivada en la regla de esta conexión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing recognised yet.</source>
        <translation>Aún no se ha reconocido nada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS · server name (SNI): %1 · ALPN: %2</source>
        <translation>TLS · nombre de servidor (SNI): %1 · ALPN: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not HTTP: %1</source>
        <translation>No es HTTP: %1</translation>
    </message>
</context>
<context>
    <name>ConnectionTableModel</name>
    <message>
        <location filename="../ui/connections/connectiontablemodel.cpp" line="+53"/>
        <source>rule %1</source>
        <translation>regla %1</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Closed %1</source>
        <translation>Cerrada: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listen</source>
        <translation>Escucha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upstream</source>
        <translation>Tramo al destino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up</source>
        <translation>Subida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Bajada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close reason</source>
        <translation>Motivo de cierre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The client&apos;s address and port, as the listener saw it</source>
        <translation>La dirección y el puerto del cliente, tal como los vio el socket de escucha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The address and port the client connected to</source>
        <translation>La dirección y el puerto a los que se conectó el cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our end of the connection to the target → the target</source>
        <translation>Nuestro extremo de la conexión al destino → el destino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What inspection saw: HTTP and its requests, or the TLS server name and ALPN</source>
        <translation>Lo que vio la inspección: HTTP y sus peticiones, o el nombre de servidor TLS y el ALPN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long the connection has been (or was) open</source>
        <translation>Cuánto tiempo lleva (o estuvo) abierta la conexión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes sent by the client to the target</source>
        <translation>Bytes enviados por el cliente al destino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes sent by the target to the client</source>
        <translation>Bytes enviados por el destino al cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why the connection ended</source>
        <translation>Por qué terminó la conexión</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP · 1 request</source>
        <translation>HTTP · 1 petición</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>HTTP · %n requests</source>
        <translation>
            <numerusform>HTTP · %n petición</numerusform>
            <numerusform>HTTP · %n peticiones</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not HTTP</source>
        <translation>No es HTTP</translation>
    </message>
</context>
<context>
    <name>ConnectionsPanel</name>
    <message>
        <location filename="../ui/connections/connectionspanel.cpp" line="+69"/>
        <source>&amp;Copy row</source>
        <translation>&amp;Copiar fila</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lose this connection</source>
        <translation>Ce&amp;rrar esta conexión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear c&amp;losed</source>
        <translation>&amp;Quitar cerradas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter by rule, address or state</source>
        <translation>Filtrar por regla, dirección o estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show only connections whose rule, addresses, state or close reason contain this text (Ctrl+F)</source>
        <translation>Mostrar solo las conexiones cuya regla, direcciones, estado o motivo de cierre contengan este texto (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection filter</source>
        <translation>Filtro de conexiones</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Clear closed</source>
        <translation>Quitar cerradas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the closed connections from the table</source>
        <translation>Quitar de la tabla las conexiones cerradas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear closed connections</source>
        <translation>Quitar las conexiones cerradas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the connections shown as CSV or JSON</source>
        <translation>Guardar las conexiones mostradas como CSV o JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+162"/>
        <source>Export connections</source>
        <translation>Exportar conexiones</translation>
    </message>
    <message>
        <location line="-157"/>
        <source>Copy the selected rows as tab-separated text</source>
        <translation>Copiar las filas seleccionadas como texto separado por tabuladores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the selected open connections</source>
        <translation>Cerrar las conexiones abiertas seleccionadas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connections</source>
        <translation>Conexiones</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Export failed</source>
        <translation>Error al exportar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot export to %1: the file name must end in .csv or .json.</source>
        <translation>No se puede exportar a %1: el nombre del archivo debe terminar en .csv o .json.</translation>
    </message>
</context>
<context>
    <name>CurlDialog</name>
    <message>
        <location filename="../ui/http/curldialog.cpp" line="+18"/>
        <source>Paste curl command</source>
        <translation>Pegar comando curl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A curl command, as a browser&apos;s &quot;Copy as cURL&quot; gives it. OK fills the request editor with its method, URL, headers and body.</source>
        <translation>Un comando curl, tal como lo da la opción &quot;Copiar como cURL&quot; de un navegador. Aceptar rellena el editor de la petición con su método, URL, cabeceras y cuerpo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>curl command</source>
        <translation>Comando curl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The command is read, not run</source>
        <translation>El comando se lee, no se ejecuta</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>curl command check</source>
        <translation>Comprobación del comando curl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill the request editor from this command</source>
        <translation>Rellenar el editor de la petición con este comando</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <location filename="../app/core/demo/demoingress.cpp" line="+154"/>
        <source>the demo ingress cannot start: %1</source>
        <translation>el ingress de demo no puede iniciarse: %1</translation>
    </message>
    <message>
        <location filename="../app/core/demo/minihttpserver.cpp" line="+165"/>
        <source>the port is in use: pick another one or stop the program that uses it</source>
        <translation>el puerto está en uso: elige otro o detén el programa que lo usa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>permission denied: pick a port above 1024</source>
        <translation>permiso denegado: elige un puerto por encima de 1024</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot listen on %1: %2</source>
        <translation>no se puede escuchar en %1: %2</translation>
    </message>
</context>
<context>
    <name>Diff</name>
    <message>
        <location filename="../app/core/http/responsediff.cpp" line="+94"/>
        <source>line %1</source>
        <translation>línea %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Too many lines differ to pair them up: the changed part is listed as removed, then added.</source>
        <translation>Hay demasiadas líneas distintas para emparejarlas: la parte cambiada aparece como quitada y luego como añadida.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>1 byte</source>
        <translation>1 byte</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n bytes</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>body</source>
        <translation>cuerpo</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The captured body cannot be decoded: %1. The bodies are compared as bytes.</source>
        <translation>No se puede descodificar el cuerpo capturado: %1. Los cuerpos se comparan como bytes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The replayed body cannot be decoded: %1. The bodies are compared as bytes.</source>
        <translation>No se puede descodificar el cuerpo de la repetición: %1. Los cuerpos se comparan como bytes.</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Only the first %n bytes of the captured body were kept: the bodies are compared up to there, line by line.</source>
        <translation>
            <numerusform>Solo se conservó el primer %n byte del cuerpo capturado: los cuerpos se comparan hasta ahí, línea a línea.</numerusform>
            <numerusform>Solo se conservaron los primeros %n bytes del cuerpo capturado: los cuerpos se comparan hasta ahí, línea a línea.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>Only the first %n lines are listed.</source>
        <translation>
            <numerusform>Solo se muestra %n línea, la primera.</numerusform>
            <numerusform>Solo se muestran las primeras %n líneas.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>DiffTree</name>
    <message>
        <location filename="../ui/requests/difftree.cpp" line="+35"/>
        <source>Only in the replay</source>
        <translation>Solo en la repetición</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only in the captured answer</source>
        <translation>Solo en la respuesta capturada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>Cambiado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The same</source>
        <translation>Igual</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Captured</source>
        <translation>Capturada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Replay</source>
        <translation>Repetición</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <location filename="../app/core/relay/listener.cpp" line="+53"/>
        <source>address already in use: another program or rule listens there; stop it or pick another port</source>
        <translation>dirección ya en uso: otro programa u otra regla escucha ahí; detenlo o elige otro puerto</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>permission denied: ports below 1024 need privileges; pick a port above 1024, or grant them with &quot;sudo setcap cap_net_bind_service=+ep $(command -v pasarela)&quot;</source>
        <translation>permiso denegado: los puertos por debajo de 1024 necesitan privilegios; elige un puerto por encima de 1024 o concédelos con &quot;sudo setcap cap_net_bind_service=+ep $(command -v pasarela)&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>permission denied</source>
        <translation>permiso denegado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>address not available: no network interface of this machine has that address; pick one it has, or 0.0.0.0 for all</source>
        <translation>dirección no disponible: ninguna interfaz de red de esta máquina tiene esa dirección; elige una que tenga, o 0.0.0.0 para todas</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>%1: accepting again</source>
        <translation>%1: se vuelven a aceptar conexiones</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1: accepting paused: %2 (raise the limit with &quot;ulimit -n&quot;); retrying</source>
        <translation>%1: aceptación en pausa: %2 (sube el límite con &quot;ulimit -n&quot;); reintentando</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: accepting paused: %2; retrying</source>
        <translation>%1: aceptación en pausa: %2; reintentando</translation>
    </message>
</context>
<context>
    <name>EnvironmentPicker</name>
    <message>
        <location filename="../ui/http/environmentpicker.cpp" line="+23"/>
        <source>Environments…</source>
        <translation>Entornos…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Environment</source>
        <translation>Entorno</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit environments</source>
        <translation>Editar entornos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add, rename or remove environments and edit their variables (secrets included)</source>
        <translation>Añadir, renombrar o quitar entornos y editar sus variables (secretos incluidos)</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Sends to %1</source>
        <translation>Envía a %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No value for %1: nothing is sent until it has one</source>
        <translation>Sin valor para %1: no se envía nada hasta que lo tenga</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No environment</source>
        <translation>Sin entorno</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No collection has environments yet: Environments… adds some. A request&apos;s {{name}} then takes the chosen environment&apos;s value</source>
        <translation>Aún no hay ninguna colección con entornos: Entornos… añade alguno. Entonces, cada {{nombre}} de una petición toma el valor del entorno elegido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The environment whose variables fill each {{name}} of the request, from the collection &quot;%1&quot;; PASARELA_VAR_name set before Pasarela started wins</source>
        <translation>El entorno cuyas variables rellenan cada {{nombre}} de la petición, de la colección &quot;%1&quot;; PASARELA_VAR_nombre, definida antes de iniciar Pasarela, tiene prioridad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add environments and their variables (secrets included)</source>
        <translation>Añadir entornos y sus variables (secretos incluidos)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add, rename or remove the environments of &quot;%1&quot; and edit their variables (secrets included)</source>
        <translation>Añadir, renombrar o quitar los entornos de &quot;%1&quot; y editar sus variables (secretos incluidos)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>My requests</source>
        <translation>Mis peticiones</translation>
    </message>
</context>
<context>
    <name>EnvironmentsDialog</name>
    <message>
        <location filename="../ui/http/environmentsdialog.cpp" line="+47"/>
        <source>Environments of &quot;%1&quot;</source>
        <translation>Entornos de &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The environments of the collection &quot;%1&quot;. Choose one beside Send: each {{name}} in the URL, the headers and the body of a request takes its value.</source>
        <translation>Los entornos de la colección &quot;%1&quot;. Elige uno junto a Enviar: cada {{nombre}} de la URL, las cabeceras y el cuerpo de una petición toma su valor.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Secret values stay in memory while Pasarela runs and are never written to disk (not to the collections file, the history or exports). To give a secret its value when Pasarela starts, set PASARELA_VAR_name in its environment, for example PASARELA_VAR_token=… pasarela; that value wins over the one here.</source>
        <translation>Los valores secretos se quedan en memoria mientras Pasarela está en marcha y nunca se escriben en disco (ni en el archivo de colecciones, ni en el historial ni en las exportaciones). Para dar su valor a un secreto al iniciar Pasarela, define PASARELA_VAR_nombre en su entorno, por ejemplo PASARELA_VAR_token=… pasarela; ese valor tiene prioridad sobre el de aquí.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About secrets</source>
        <translation>Sobre los secretos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problem with the environments</source>
        <translation>Problema con los entornos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep these environments in the collection</source>
        <translation>Guardar estos entornos en la colección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave the environments as they were</source>
        <translation>Dejar los entornos como estaban</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&amp;Environments:</source>
        <translation>&amp;Entornos:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Environments</source>
        <translation>Entornos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick one to edit its variables; F2 or double-click renames it, Delete removes it</source>
        <translation>Elige uno para editar sus variables; F2 o doble clic le cambia el nombre, Supr lo quita</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove environment</source>
        <translation>Quitar entorno</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;New</source>
        <translation>&amp;Nuevo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add an empty environment, such as dev or prod</source>
        <translation>Añadir un entorno vacío, como dev o prod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Du&amp;plicate</source>
        <translation>&amp;Duplicar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a copy of the selected environment, its variables and secrets included</source>
        <translation>Añadir una copia del entorno seleccionado, con sus variables y secretos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename</source>
        <translation>&amp;Renombrar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rename the selected environment (F2)</source>
        <translation>Cambiar el nombre del entorno seleccionado (F2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected environment and its variables (Delete)</source>
        <translation>Quitar el entorno seleccionado y sus variables (Supr)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double-click a name or value to change it; tick Secret for passwords and tokens; Delete removes the selected rows</source>
        <translation>Haz doble clic en un nombre o valor para cambiarlo; marca Secreto para contraseñas y tokens; Supr quita las filas seleccionadas</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remove variable</source>
        <translation>Quitar variable</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Add variable</source>
        <translation>&amp;Añadir variable</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a variable to this environment</source>
        <translation>Añadir una variable a este entorno</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove varia&amp;ble</source>
        <translation>Quitar varia&amp;ble</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected variables (Delete)</source>
        <translation>Quitar las variables seleccionadas (Supr)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Show secret values</source>
        <translation>&amp;Mostrar valores secretos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the values of secret variables instead of dots, on this screen only</source>
        <translation>Mostrar los valores de las variables secretas en lugar de puntos, solo en esta pantalla</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>environment</source>
        <translation>entorno</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 copy</source>
        <translation>copia de %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>default</source>
        <translation>predeterminado</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+35"/>
        <source>&amp;Variables of &quot;%1&quot;:</source>
        <translation>&amp;Variables de &quot;%1&quot;:</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>&amp;Variables (add an environment first):</source>
        <translation>&amp;Variables (añade antes un entorno):</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>An environment needs a name; &quot;%1&quot; keeps its own.</source>
        <translation>Un entorno necesita un nombre; &quot;%1&quot; conserva el suyo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is already an environment &quot;%1&quot;; &quot;%2&quot; keeps its name.</source>
        <translation>Ya hay un entorno &quot;%1&quot;; &quot;%2&quot; conserva su nombre.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot;: %2</translation>
    </message>
</context>
<context>
    <name>ExchangeFiles</name>
    <message>
        <location filename="../ui/http/exchangefiles.cpp" line="+51"/>
        <source>There is no response to save: send a request first.</source>
        <translation>No hay ninguna respuesta que guardar: envía antes una petición.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is nothing to export: send a request first.</source>
        <translation>No hay nada que exportar: envía antes una petición.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+18"/>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+6"/>
        <source>Save response</source>
        <translation>Guardar respuesta</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+6"/>
        <source>Export exchange</source>
        <translation>Exportar intercambio</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../app/cli/exportcommand.cpp" line="+19"/>
        <source>%1 does not exist: give the rules file with --config FILE</source>
        <translation>%1 no existe: indica el archivo de reglas con --config ARCHIVO</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>no rule named &quot;%1&quot; in %2</source>
        <translation>no hay ninguna regla llamada &quot;%1&quot; en %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot write to the standard output</source>
        <translation>no se puede escribir en la salida estándar</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Writes the rules in another program&apos;s terms, to run them without Pasarela&apos;s window:
  nginx         an nginx.conf with a stream {} block (nginx -p DIR -c FILE)
  tcp-services  ingress-nginx&apos;s tcp-services ConfigMap (rules made from the cluster)
  service       a Kubernetes Service per rule made from the cluster
  socat         one socat command line per rule
  systemd       a unit that runs pasarela --headless with the rules file
A comment at the top says what the format cannot express of each rule.</source>
        <translation>Escribe las reglas en los términos de otro programa, para ejecutarlas sin la ventana de Pasarela:
  nginx         un nginx.conf con un bloque stream {} (nginx -p DIR -c ARCHIVO)
  tcp-services  el ConfigMap tcp-services de ingress-nginx (reglas creadas a partir del clúster)
  service       un Service de Kubernetes por cada regla creada a partir del clúster
  socat         una línea de comandos de socat por regla
  systemd       una unidad que ejecuta pasarela --headless con el archivo de reglas
Un comentario al principio indica lo que el formato no puede expresar de cada regla.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The output format (required): %1.</source>
        <translation>El formato de salida (obligatorio): %1.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FORMAT</source>
        <translation>FORMATO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The rules file (default %1).</source>
        <translation>El archivo de reglas (predeterminado %1).</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+6"/>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Export this rule only (repeatable; default: every enabled rule).</source>
        <translation>Exporta solo esta regla (repetible; predeterminado: todas las reglas activadas).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NAME</source>
        <translation>NOMBRE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For --format service: LoadBalancer (default) or NodePort.</source>
        <translation>Para --format service: LoadBalancer (predeterminado) o NodePort.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TYPE</source>
        <translation>TIPO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write to FILE (atomically) instead of the standard output.</source>
        <translation>Escribe en ARCHIVO (de forma atómica) en lugar de en la salida estándar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show this help.</source>
        <translation>Muestra esta ayuda.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (see pasarela export --help)</source>
        <translation>%1 (consulta pasarela export --help)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Usage: pasarela export --format %1 [options]</source>
        <translation>Uso: pasarela export --format %1 [opciones]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exit codes:
  0  exported
  2  bad arguments, a rules file that cannot be read, an output that cannot be written
  3  nothing to export: no rule is enabled, or none fits the format
</source>
        <translation>Códigos de salida:
  0  se exportó
  2  argumentos incorrectos, un archivo de reglas que no se puede leer, una salida que no se puede escribir
  3  nada que exportar: no hay ninguna regla activada, o ninguna encaja en el formato
</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unexpected argument &quot;%1&quot; (see pasarela export --help)</source>
        <translation>argumento inesperado &quot;%1&quot; (consulta pasarela export --help)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--format is required: one of %1</source>
        <translation>--format es obligatorio: uno de %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--format %1: unknown format; use one of %2</source>
        <translation>--format %1: formato desconocido; usa uno de %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--service-type %1: use LoadBalancer or NodePort</source>
        <translation>--service-type %1: usa LoadBalancer o NodePort</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--rule does not apply to --format systemd: the unit runs every enabled rule of the file</source>
        <translation>--rule no se aplica a --format systemd: la unidad ejecuta todas las reglas activadas del archivo</translation>
    </message>
    <message>
        <location filename="../app/core/export/ruleexport.cpp" line="+92"/>
        <source>there are no rules</source>
        <translation>no hay reglas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing to export as %1: %2</source>
        <translation>nada que exportar como %1: %2</translation>
    </message>
</context>
<context>
    <name>ExposeDialog</name>
    <message>
        <location filename="../ui/cluster/exposedialog.cpp" line="+59"/>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Create rules</source>
        <translation>Crear re&amp;glas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expose cluster</source>
        <translation>Exponer clúster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pasarela reads the cluster with minikube and kubectl and plans a rule for the ingress controller and for each NodePort service. Tick what to expose.</source>
        <translation>Pasarela lee el clúster con minikube y kubectl y prevé una regla para el controlador de ingress y otra para cada servicio NodePort. Marca lo que quieras exponer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>kubectl context</source>
        <translation>Contexto de kubectl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The cluster to read; choosing another reads it</source>
        <translation>El clúster que leer; al elegir otro, se lee ese</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listen address</source>
        <translation>Dirección de escucha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the rules listen: 0.0.0.0 for every network of this machine, 127.0.0.1 for this machine only</source>
        <translation>Dónde escuchan las reglas: 0.0.0.0 para todas las redes de este equipo, 127.0.0.1 solo para este equipo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Con&amp;text:</source>
        <translation>Con&amp;texto:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listen &amp;address:</source>
        <translation>&amp;Dirección de escucha:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exposes</source>
        <translation>Expone</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Listen port</source>
        <translation>Puerto de escucha</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target</source>
        <translation>Destino</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Planned rules</source>
        <translation>Reglas previstas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading the cluster…</source>
        <translation>Leyendo el clúster…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cluster message</source>
        <translation>Mensaje del clúster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the cluster again</source>
        <translation>Volver a leer el clúster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the ticked rules; they start at once</source>
        <translation>Añadir las reglas marcadas; se inician al momento</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ingress controller %1/%2: http on node port %3, https on node port %4. Node IP %5.</source>
        <translation>Controlador de ingress %1/%2: http en el puerto de nodo %3, https en el puerto de nodo %4. IP del nodo: %5.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No ingress controller found. Node IP %1.</source>
        <translation>No se encontró ningún controlador de ingress. IP del nodo: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing to expose: no NodePort services with a known node IP.</source>
        <translation>Nada que exponer: no hay servicios NodePort con una IP de nodo conocida.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not read the cluster: %1</source>
        <translation>No se pudo leer el clúster: %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Listen port of %1</source>
        <translation>Puerto de escucha de %1</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Not created:
%1</source>
        <translation>No se crearon:
%1</translation>
    </message>
</context>
<context>
    <name>FaultRow</name>
    <message>
        <location filename="../ui/rules/faultrow.cpp" line="+42"/>
        <source>Latenc&amp;y</source>
        <translation>&amp;Latencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bandwidth</source>
        <translation>&amp;Ancho de banda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;eset</source>
        <translation>&amp;Reinicio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Timeout</source>
        <translation>Tiempo de &amp;espera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;licer</source>
        <translation>&amp;Troceado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refuse ne&amp;w connections</source>
        <translation>Rechazar conexiones &amp;nuevas</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Each piece of data waits this long before it is passed on, give or take the jitter (drawn each time). The client sees a slow server or a slow network.</source>
        <translation>Cada fragmento de datos espera este tiempo antes de reenviarse, más o menos la variación (sorteada cada vez). El cliente ve un servidor lento o una red lenta.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At most this many KiB per second pass. The client sees a slow download (responses) or a slow upload (requests).</source>
        <translation>Pasan como mucho estos KiB por segundo. El cliente ve una descarga lenta (respuestas) o una subida lenta (peticiones).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection is reset (RST) both ways after this many bytes have passed, or this long after it opened. The client sees &quot;connection reset by peer&quot; in the middle of its work.</source>
        <translation>La conexión se reinicia (RST) en ambos sentidos cuando han pasado estos bytes, o este tiempo después de abrirse. El cliente ve &quot;connection reset by peer&quot; en mitad de su trabajo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing passes any more; the connection is closed after this long, or held open until the fault is cleared. The client sees a server that stops answering: it waits for its own timeout.</source>
        <translation>Dejan de pasar datos; la conexión se cierra tras este tiempo, o se mantiene abierta hasta que se borre el fallo. El cliente ve un servidor que deja de responder: espera hasta agotar su propio tiempo de espera.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data is passed on in pieces of this many bytes with this pause between them. The client sees an answer that arrives bit by bit; code that expects a whole message in one read breaks.</source>
        <translation>Los datos se reenvían en trozos de estos bytes con esta pausa entre ellos. El cliente ve una respuesta que llega poco a poco; el código que espera un mensaje completo en una sola lectura falla.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New connections are reset as soon as they are accepted; open ones are left alone. The client sees &quot;connection reset&quot; when it connects.</source>
        <translation>Las conexiones nuevas se reinician en cuanto se aceptan; las abiertas no se tocan. El cliente ve &quot;connection reset&quot; al conectarse.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Which bytes it acts on: the responses (target → client, down), the requests (client → target, up), or both</source>
        <translation>Sobre qué bytes actúa: las respuestas (destino → cliente, bajada), las peticiones (cliente → destino, subida), o ambas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: acts on</source>
        <translation>%1: actúa sobre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The share of connections it applies to, drawn for each connection: 100 % every connection, 30 % about one in three</source>
        <translation>La proporción de conexiones a las que se aplica, sorteada para cada conexión: 100 % todas las conexiones, 30 % aproximadamente una de cada tres</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: share of connections</source>
        <translation>%1: proporción de conexiones</translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+1"/>
        <location line="+19"/>
        <location line="+9"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Latency</source>
        <translation>Latencia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The delay added to each piece of data</source>
        <translation>El retardo añadido a cada fragmento de datos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jitter</source>
        <translation>Variación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jitter: each delay is drawn between the latency minus and plus this much</source>
        <translation>Variación: cada retardo se sortea entre la latencia menos y más esta cantidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>± </source>
        <translation>± </translation>
    </message>
    <message>
        <location line="+5"/>
        <source> KiB/s</source>
        <translation> KiB/s</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bandwidth</source>
        <translation>Ancho de banda</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The most that passes per second</source>
        <translation>Lo máximo que pasa por segundo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>after bytes</source>
        <translation>tras bytes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>after time</source>
        <translation>tras tiempo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset once this many bytes have passed (in the direction it acts on), or this long after the connection opened (both ways)</source>
        <translation>Reiniciar cuando hayan pasado estos bytes (en el sentido sobre el que actúa), o este tiempo después de abrirse la conexión (en ambos sentidos)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset when</source>
        <translation>Cuándo reiniciar</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <source> bytes</source>
        <translation> bytes</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Reset after bytes</source>
        <translation>Reinicio tras bytes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bytes that pass before the reset</source>
        <translation>Bytes que pasan antes del reinicio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset after time</source>
        <translation>Reinicio tras tiempo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Milliseconds from the connect to the reset</source>
        <translation>Milisegundos desde la conexión hasta el reinicio</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Timeout</source>
        <translation>Tiempo de espera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Milliseconds until the connection is closed; 0 holds it until the fault is cleared</source>
        <translation>Milisegundos hasta que se cierra la conexión; 0 la retiene hasta que se borre el fallo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>close after </source>
        <translation>cerrar tras </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>held until cleared</source>
        <translation>retenida hasta borrar el fallo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Slice size</source>
        <translation>Tamaño del trozo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The size of each piece</source>
        <translation>El tamaño de cada trozo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> ms apart</source>
        <translation> ms de pausa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pause between slices</source>
        <translation>Pausa entre trozos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The pause between pieces</source>
        <translation>La pausa entre trozos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>open connections are left alone</source>
        <translation>las conexiones abiertas no se tocan</translation>
    </message>
</context>
<context>
    <name>FaultText</name>
    <message>
        <location filename="../ui/rules/faulttext.cpp" line="+10"/>
        <source>on responses</source>
        <translation>en las respuestas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on requests</source>
        <translation>en las peticiones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on requests and responses</source>
        <translation>en peticiones y respuestas</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Latency %1 ms ± %2 ms</source>
        <translation>Latencia %1 ms ± %2 ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latency %1 ms</source>
        <translation>Latencia %1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bandwidth at most %1 KiB/s</source>
        <translation>Ancho de banda de %1 KiB/s como mucho</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reset after %1 bytes of responses</source>
        <translation>Reinicio tras %1 bytes de respuestas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset after %1 bytes of requests</source>
        <translation>Reinicio tras %1 bytes de peticiones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset after %1 bytes either way</source>
        <translation>Reinicio tras %1 bytes en cualquier sentido</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reset %1 ms after connecting</source>
        <translation>Reinicio %1 ms después de conectar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset as soon as connected</source>
        <translation>Reinicio nada más conectar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Timeout: nothing passes, closed after %1 ms</source>
        <translation>Tiempo de espera: no pasan datos, se cierra tras %1 ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeout: nothing passes until the fault is cleared</source>
        <translation>Tiempo de espera: no pasan datos hasta que se borre el fallo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Slicer: pieces of %1 bytes, %2 ms apart</source>
        <translation>Troceado: trozos de %1 bytes, con %2 ms entre ellos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refuse new connections (reset at once)</source>
        <translation>Rechazar conexiones nuevas (reinicio inmediato)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>on %1 % of connections</source>
        <translation>en el %1 % de las conexiones</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Faults injected on purpose:</source>
        <translation>Fallos inyectados a propósito:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>As text: %1</source>
        <translation>Como texto: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rules › Clear faults removes them.</source>
        <translation>Reglas › Borrar fallos los quita.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>responses (down)</source>
        <translation>respuestas (bajada)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>requests (up)</source>
        <translation>peticiones (subida)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>both ways</source>
        <translation>ambos sentidos</translation>
    </message>
</context>
<context>
    <name>FaultsEditor</name>
    <message>
        <location filename="../ui/rules/faultseditor.cpp" line="+49"/>
        <source>Break this rule&apos;s connections on purpose, to see what its clients do when the network is slow or fails. A change applies at once, to open connections too; the rule is not restarted.</source>
        <translation>Rompe a propósito las conexiones de esta regla para ver qué hacen sus clientes cuando la red es lenta o falla. Un cambio se aplica al momento, también a las conexiones abiertas; la regla no se reinicia.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Faults are for TCP rules only; this rule is UDP.</source>
        <translation>Los fallos son solo para reglas TCP; esta regla es UDP.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What the clients get</source>
        <translation>Lo que reciben los clientes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Values</source>
        <translation>Valores</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Acts on</source>
        <translation>Actúa sobre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connections</source>
        <translation>Conexiones</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The rules file gives this rule faults this tab does not show: %1. They are kept as they are; edit the rules file to change them.</source>
        <translation>El archivo de reglas da a esta regla fallos que esta pestaña no muestra: %1. Se conservan tal como están; edita el archivo de reglas para cambiarlos.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remo&amp;ve all faults</source>
        <translation>&amp;Quitar todos los fallos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Turn every fault off, those kept from the rules file too</source>
        <translation>Desactivar todos los fallos, también los conservados del archivo de reglas</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>No faults: connections pass as they are.</source>
        <translation>Sin fallos: las conexiones pasan tal cual.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the clients get:</source>
        <translation>Lo que reciben los clientes:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>As text: %1</source>
        <translation>Como texto: %1</translation>
    </message>
</context>
<context>
    <name>File</name>
    <message>
        <location filename="../app/core/atomicfile.cpp" line="+12"/>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>it is a directory</source>
        <translation>es un directorio</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the folder %1 could not be created; check its permissions</source>
        <translation>no se pudo crear la carpeta %1; comprueba sus permisos</translation>
    </message>
</context>
<context>
    <name>FollowText</name>
    <message>
        <location filename="../ui/rules/followtext.cpp" line="+5"/>
        <source>the node IP and the node port changed</source>
        <translation>cambiaron la IP del nodo y el puerto de nodo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the node port changed</source>
        <translation>cambió el puerto de nodo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the node IP changed</source>
        <translation>cambió la IP del nodo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>regular check</source>
        <translation>comprobación periódica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checked on request</source>
        <translation>comprobado a petición</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checked at start</source>
        <translation>comprobado al arrancar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checked after the computer woke up</source>
        <translation>comprobado al despertar el equipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checked after a failed connection</source>
        <translation>comprobado tras una conexión fallida</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>target %1 → %2 (%3; %4)</source>
        <translation>destino %1 → %2 (%3; %4)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Follows the cluster; not checked yet</source>
        <translation>Sigue al clúster; aún sin comprobar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follows the cluster; checked %1, target current</source>
        <translation>Sigue al clúster; comprobado a las %1, destino al día</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follows the cluster; checked %1, the target stays: %2</source>
        <translation>Sigue al clúster; comprobado a las %1, el destino se mantiene: %2</translation>
    </message>
</context>
<context>
    <name>HeadersModel</name>
    <message>
        <location filename="../ui/http/headersmodel.cpp" line="+13"/>
        <source>not saved in history; type the value again</source>
        <translation>no se guardó en el historial; vuelve a escribir el valor</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>The value of %1 was not saved in history; type the value again. It is not sent until you do.</source>
        <translation>El valor de %1 no se guardó en el historial; vuelve a escribirlo. No se envía hasta que lo hagas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send this header</source>
        <translation>Enviar esta cabecera</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only ticked headers are sent</source>
        <translation>Solo se envían las cabeceras marcadas</translation>
    </message>
</context>
<context>
    <name>HeadlessRunner</name>
    <message>
        <location filename="../app/cli/headlessrunner.cpp" line="+52"/>
        <source>stopping</source>
        <translation>deteniendo</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>--fault %1: no rule has that name or listens on that port</source>
        <translation>--fault %1: ninguna regla tiene ese nombre ni escucha en ese puerto</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no rules to run: %1 has no enabled rule and no --forward was given</source>
        <translation>no hay reglas que ejecutar: %1 no tiene ninguna regla activada y no se dio ningún --forward</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no rules to run: %1 does not exist and no --forward was given</source>
        <translation>no hay reglas que ejecutar: %1 no existe y no se dio ningún --forward</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 does not exist; running the --forward rules only</source>
        <translation>%1 no existe; se ejecutan solo las reglas de --forward</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no forwarding rules yet; add some with --forward [ADDR:]PORT=HOST:PORT or in the rules file. Waiting; Ctrl+C quits.</source>
        <translation>aún no hay reglas de reenvío; añade alguna con --forward [ADDR:]PORT=HOST:PORT o en el archivo de reglas. Esperando; Ctrl+C sale.</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>demo ingress on 127.0.0.1:%1; try: %2</source>
        <translation>ingress de demo en 127.0.0.1:%1; prueba: %2</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../ui/http/historymodel.cpp" line="+71"/>
        <source>failed</source>
        <translation>fallida</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 received</source>
        <translation>%1 recibidos</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../ui/http/historypanel.cpp" line="+43"/>
        <location line="+41"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Clear…</source>
        <translation>Vaciar…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>History file problem</source>
        <translation>Problema con el archivo de historial</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>Search history</source>
        <translation>Buscar en el historial</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Show only requests whose time, method, URL or status contain this text</source>
        <translation>Mostrar solo las peticiones cuya hora, método, URL o estado contengan este texto</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Request history</source>
        <translation>Historial de peticiones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click a request to load it into the editor; Delete removes it</source>
        <translation>Haz clic en una petición para cargarla en el editor; Supr la elimina</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Remove the selected request from the history (Delete)</source>
        <translation>Eliminar del historial la petición seleccionada (Supr)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete from history</source>
        <translation>Eliminar del historial</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove every request from the history</source>
        <translation>Eliminar todas las peticiones del historial</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+64"/>
        <source>Clear history</source>
        <translation>Vaciar el historial</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>The history could not be read and starts empty. %1</source>
        <translation>No se pudo leer el historial y empieza vacío. %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Remove the one request from the history? This cannot be undone.</source>
        <translation>¿Eliminar la única petición del historial? No se puede deshacer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove all %1 requests from the history? This cannot be undone.</source>
        <translation>¿Eliminar las %1 peticiones del historial? No se puede deshacer.</translation>
    </message>
</context>
<context>
    <name>Http</name>
    <message>
        <location filename="../app/core/http/curlcommand.cpp" line="+77"/>
        <source>header &quot;%1&quot; has no &apos;:&apos; between the name and the value</source>
        <translation>la cabecera &quot;%1&quot; no tiene &apos;:&apos; entre el nombre y el valor</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ignored -H &quot;%1&quot;: curl would only remove its own %2 header</source>
        <translation>se ignoró -H &quot;%1&quot;: curl solo quitaría su propia cabecera %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ignored the Accept-Encoding header: Pasarela asks for compression and decodes it itself</source>
        <translation>se ignoró la cabecera Accept-Encoding: Pasarela pide compresión y la descomprime ella misma</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 @FILE reads the body from a file, which a pasted command cannot do: paste the body itself</source>
        <translation>%1 @FILE lee el cuerpo de un archivo, algo que un comando pegado no puede hacer: pega el cuerpo en sí</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 %2 has no password (curl would ask for it): write %1 USER:PASSWORD</source>
        <translation>%1 %2 no tiene contraseña (curl la pediría): escribe %1 USUARIO:CONTRASEÑA</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 %2 names a cookie file, which a pasted command cannot read: paste name=value cookies</source>
        <translation>%1 %2 indica un archivo de cookies, que un comando pegado no puede leer: pega cookies nombre=valor</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 %2: expected a number of seconds from 0.001 to 3600</source>
        <translation>%1 %2: se esperaba un número de segundos de 0.001 a 3600</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ignored %1 (it only changes what curl prints)</source>
        <translation>se ignoró %1 (solo cambia lo que imprime curl)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the curl option %1 is not supported here: remove it and paste again</source>
        <translation>la opción de curl %1 no se admite aquí: quítala y vuelve a pegar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the curl option %1 needs a value after it</source>
        <translation>la opción de curl %1 necesita un valor detrás</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>not a curl command: paste a command that starts with curl</source>
        <translation>no es un comando curl: pega un comando que empiece por curl</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the curl command has no URL: add one like http://192.168.49.2/</source>
        <translation>el comando curl no tiene URL: añade una como http://192.168.49.2/</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the curl command has more than one URL (%1): keep one</source>
        <translation>el comando curl tiene más de una URL (%1): deja una</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the URL has no scheme: http:// assumed, as curl does</source>
        <translation>la URL no tiene esquema: se supone http://, como hace curl</translation>
    </message>
    <message>
        <location filename="../app/core/http/httpclient.cpp" line="+46"/>
        <source>TLS: certificate is self-signed: %1 (turn off certificate verification to accept it)</source>
        <translation>TLS: el certificado está autofirmado: %1 (desactiva la verificación de certificados para aceptarlo)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS: %1 (turn off certificate verification to accept it)</source>
        <translation>TLS: %1 (desactiva la verificación de certificados para aceptarlo)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>redirect to &quot;%1&quot; not followed: not an http(s) URL</source>
        <translation>no se siguió la redirección a &quot;%1&quot;: no es una URL http(s)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>redirect from https to %1 not followed: it would leave TLS; send the request there yourself if you trust it</source>
        <translation>no se siguió la redirección de https a %1: saldría de TLS; envía tú la petición allí si confías en ese destino</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>connection refused by %1</source>
        <translation>conexión rechazada por %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host %1 not found</source>
        <translation>no se encontró el host %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>timed out: %1</source>
        <translation>tiempo agotado: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 closed the connection before a complete response</source>
        <translation>%1 cerró la conexión antes de una respuesta completa</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+82"/>
        <source>canceled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>timed out after %1 ms</source>
        <translation>tiempo agotado tras %1 ms</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+6"/>
        <source>response larger than 1 GiB</source>
        <translation>respuesta mayor de 1 GiB</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>more than %1 redirects, the last to %2: a redirect loop?</source>
        <translation>más de %1 redirecciones, la última a %2: ¿un bucle de redirecciones?</translation>
    </message>
    <message>
        <location filename="../app/core/http/httphistory.cpp" line="+45"/>
        <location filename="../app/core/http/httpmessage.cpp" line="+118"/>
        <location filename="../app/core/http/requestcollections.cpp" line="+37"/>
        <source>&quot;%1&quot; must be %2, got %3</source>
        <translation>&quot;%1&quot; debe ser %2, se encontró %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../app/core/http/requestcollections.cpp" line="+28"/>
        <location line="+66"/>
        <source>expected an object, got %1</source>
        <translation>se esperaba un objeto, se encontró %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;time&quot; must be a date and time like &quot;2026-01-31T12:00:00.000Z&quot;</source>
        <translation>&quot;time&quot; debe ser una fecha y hora como &quot;2026-01-31T12:00:00.000Z&quot;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>request: %1</source>
        <translation>petición: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../app/core/http/httpmessage.cpp" line="+12"/>
        <location filename="../app/core/http/requestcollections.cpp" line="-58"/>
        <source>a string</source>
        <translation>una cadena</translation>
    </message>
    <message>
        <location filename="../app/core/http/environments.cpp" line="+27"/>
        <source>variable &quot;%1&quot;: use letters, digits and _ . - in a name (not starting with . or -)</source>
        <translation>variable &quot;%1&quot;: usa letras, dígitos y _ . - en el nombre (sin empezar por . ni -)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>variable &quot;%1&quot;: unknown key &quot;%2&quot; (use &quot;value&quot; and &quot;secret&quot;)</source>
        <translation>variable &quot;%1&quot;: clave desconocida &quot;%2&quot; (usa &quot;value&quot; y &quot;secret&quot;)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>variable &quot;%1&quot;: &quot;secret&quot; must be true or false, got %2</source>
        <translation>variable &quot;%1&quot;: &quot;secret&quot; debe ser true o false, se encontró %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>variable &quot;%1&quot;: give it a &quot;value&quot; (only a secret may come without one)</source>
        <translation>variable &quot;%1&quot;: dale un &quot;value&quot; (solo un secreto puede venir sin él)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>variable &quot;%1&quot;: expected a text, a number, true or false, or {&quot;value&quot;: ..., &quot;secret&quot;: true}, got %2</source>
        <translation>variable &quot;%1&quot;: se esperaba un texto, un número, true o false, o {&quot;value&quot;: ..., &quot;secret&quot;: true}, se encontró %2</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>&quot;environments&quot; must be an object like {&quot;dev&quot;: {&quot;host&quot;: &quot;api.local&quot;}}, got %1</source>
        <translation>&quot;environments&quot; debe ser un objeto como {&quot;dev&quot;: {&quot;host&quot;: &quot;api.local&quot;}}, se encontró %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>an environment needs a name that is not empty</source>
        <translation>un entorno necesita un nombre que no esté vacío</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>environment &quot;%1&quot; must be an object of variables, got %2</source>
        <translation>el entorno &quot;%1&quot; debe ser un objeto de variables, se encontró %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>environment &quot;%1&quot;: %2</source>
        <translation>entorno &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1: cannot read the environments: %2</source>
        <translation>%1: no se pueden leer los entornos: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../app/core/http/requestcollections.cpp" line="+112"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../app/core/http/httphistory.cpp" line="+10"/>
        <location filename="../app/core/http/requestcollections.cpp" line="-92"/>
        <location line="+97"/>
        <source>not valid JSON (%1 at byte %2)</source>
        <translation>JSON no válido (%1 en el byte %2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not a Pasarela environments file: expected {&quot;environments&quot;: {&quot;dev&quot;: {&quot;host&quot;: &quot;api.local&quot;}}}</source>
        <translation>no es un archivo de entornos de Pasarela: se esperaba {&quot;environments&quot;: {&quot;dev&quot;: {&quot;host&quot;: &quot;api.local&quot;}}}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>environments version %1 is not one this Pasarela reads</source>
        <translation>la versión de entornos %1 no es una que esta Pasarela sepa leer</translation>
    </message>
    <message>
        <location filename="../app/core/http/httphistory.cpp" line="+4"/>
        <source>not a Pasarela HTTP history file</source>
        <translation>no es un archivo de historial HTTP de Pasarela</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>history version %1 is not one this Pasarela reads</source>
        <translation>la versión de historial %1 no es una que esta Pasarela sepa leer</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../app/core/http/httpmessage.cpp" line="+271"/>
        <location filename="../app/core/http/requestcollections.cpp" line="-113"/>
        <location line="+24"/>
        <location line="+38"/>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>entry %1: %2</source>
        <translation>entrada %1: %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1: cannot read the HTTP history: %2</source>
        <translation>%1: no se puede leer el historial HTTP: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: the HTTP history is broken (%2) and could not be moved to %3: move it away yourself, or the next save replaces it</source>
        <translation>%1: el historial HTTP está dañado (%2) y no se pudo mover a %3: muévelo tú a otro sitio, o el próximo guardado lo reemplazará</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the HTTP history is broken (%2); it was kept as %3 and the history starts empty</source>
        <translation>%1: el historial HTTP está dañado (%2); se conservó como %3 y el historial empieza vacío</translation>
    </message>
    <message>
        <location filename="../app/core/http/httpmessage.cpp" line="-267"/>
        <source>true or false</source>
        <translation>true o false</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a whole number of milliseconds up to %1</source>
        <translation>un número entero de milisegundos hasta %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;headers&quot; item %1: %2</source>
        <translation>&quot;headers&quot;, elemento %1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be an object {&quot;name&quot;: ..., &quot;value&quot;: ...}, got %1</source>
        <translation>debe ser un objeto {&quot;name&quot;: ..., &quot;value&quot;: ...}, se encontró %1</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>method &quot;%1&quot;: use a word like GET or POST (letters, digits and !#$%&amp;&apos;*+-.^_`|~, no spaces)</source>
        <translation>método &quot;%1&quot;: usa una palabra como GET o POST (letras, dígitos y !#$%&amp;&apos;*+-.^_`|~, sin espacios)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>URL is empty: type an address like http://192.168.49.2/api</source>
        <translation>la URL está vacía: escribe una dirección como http://192.168.49.2/api</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>URL &quot;%1&quot;: not a valid address (%2)</source>
        <translation>URL &quot;%1&quot;: no es una dirección válida (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>URL &quot;%1&quot;: start it with http:// or https://</source>
        <translation>URL &quot;%1&quot;: empiézala con http:// o https://</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>URL &quot;%1&quot;: only http:// and https:// are supported</source>
        <translation>URL &quot;%1&quot;: solo se admiten http:// y https://</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>URL &quot;%1&quot;: the host name is missing (e.g. http://192.168.49.2/)</source>
        <translation>URL &quot;%1&quot;: falta el nombre del host (p. ej. http://192.168.49.2/)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>header %1: the name is empty: type one or remove the line</source>
        <translation>cabecera %1: el nombre está vacío: escribe uno o quita la línea</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>header name &quot;%1&quot;: use letters, digits and !#$%&amp;&apos;*+-.^_`|~ only (no spaces or colons)</source>
        <translation>nombre de cabecera &quot;%1&quot;: usa solo letras, dígitos y !#$%&amp;&apos;*+-.^_`|~ (sin espacios ni dos puntos)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>header &quot;%1&quot;: the value must not contain line breaks</source>
        <translation>cabecera &quot;%1&quot;: el valor no debe contener saltos de línea</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>content type &quot;%1&quot;: must not contain line breaks</source>
        <translation>tipo de contenido &quot;%1&quot;: no debe contener saltos de línea</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>timeout %1 ms: must be between 1 ms and 3600000 ms (1 hour)</source>
        <translation>tiempo límite de %1 ms: debe estar entre 1 ms y 3600000 ms (1 hora)</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>&quot;body&quot; is marked base64 but is not valid base64</source>
        <translation>&quot;body&quot; está marcado como base64 pero no es base64 válido</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;bodyEncoding&quot; must be &quot;base64&quot; or &quot;text&quot;, got &quot;%1&quot;</source>
        <translation>&quot;bodyEncoding&quot; debe ser &quot;base64&quot; o &quot;text&quot;, se encontró &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../app/core/http/shellwords.cpp" line="+87"/>
        <source>a $&apos;...&apos; quote is not closed: add the missing &apos;</source>
        <translation>unas comillas $&apos;...&apos; no están cerradas: añade la &apos; que falta</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>the shell&apos;s &apos;%1&apos; outside quotes: paste the curl command alone, without pipes, redirections or other commands</source>
        <translation>el &apos;%1&apos; del shell fuera de comillas: pega el comando curl solo, sin tuberías, redirecciones ni otros comandos</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>a &apos;...&apos; quote is not closed: add the missing &apos;</source>
        <translation>unas comillas &apos;...&apos; no están cerradas: añade la &apos; que falta</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>a &quot;...&quot; quote is not closed: add the missing &quot;</source>
        <translation>unas comillas &quot;...&quot; no están cerradas: añade la &quot; que falta</translation>
    </message>
    <message>
        <location filename="../app/core/http/requestcollections.cpp" line="-3"/>
        <source>&quot;name&quot; must be a text that is not empty</source>
        <translation>&quot;name&quot; debe ser un texto no vacío</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>request %1: %2</source>
        <translation>petición %1: %2</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>not a Pasarela request collections file</source>
        <translation>no es un archivo de colecciones de peticiones de Pasarela</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>assertion %1: %2</source>
        <translation>aserción %1: %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>collections version %1 is not one this Pasarela reads</source>
        <translation>la versión de colecciones %1 no es una que esta Pasarela sepa leer</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>collection %1: %2</source>
        <translation>colección %1: %2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>request %1 (&quot;%2&quot;): %3</source>
        <translation>petición %1 (&quot;%2&quot;): %3</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1: cannot read the collection: %2</source>
        <translation>%1: no se puede leer la colección: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the window&apos;s collections file holds %1 collections (%2): name one instead of the file</source>
        <translation>el archivo de colecciones de la ventana contiene %1 colecciones (%2): indica una por su nombre en lugar del archivo</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>this looks like a Postman collection, which Pasarela does not read: write its requests as a Pasarela collection</source>
        <translation>parece una colección de Postman, que Pasarela no lee: escribe sus peticiones como una colección de Pasarela</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not a Pasarela collection: expected {&quot;requests&quot;: [...]}</source>
        <translation>no es una colección de Pasarela: se esperaba {&quot;requests&quot;: [...]}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>collection version %1 is not one this Pasarela reads</source>
        <translation>la versión de colección %1 no es una que esta Pasarela sepa leer</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1: cannot read the request collections: %2</source>
        <translation>%1: no se pueden leer las colecciones de peticiones: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: the request collections are broken (%2) and could not be moved to %3: move the file away yourself, or the next save replaces it</source>
        <translation>%1: las colecciones de peticiones están dañadas (%2) y no se pudieron mover a %3: mueve tú el archivo a otro sitio, o el próximo guardado lo reemplazará</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the request collections are broken (%2); the file was kept as %3 and the collections start empty</source>
        <translation>%1: las colecciones de peticiones están dañadas (%2); el archivo se conservó como %3 y las colecciones empiezan vacías</translation>
    </message>
    <message>
        <location filename="../app/core/http/jsonpath.cpp" line="+9"/>
        <source>JSON path &quot;%1&quot;, character %2: %3</source>
        <translation>ruta JSON &quot;%1&quot;, carácter %2: %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the JSON path is empty: write one like $.items[0].id</source>
        <translation>la ruta JSON está vacía: escribe una como $.items[0].id</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>start it with $, as in $.items[0].id</source>
        <translation>empiézala con $, como en $.items[0].id</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a member name is missing after the dot</source>
        <translation>falta un nombre de miembro tras el punto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>wildcards are not supported: name one member or position</source>
        <translation>no se admiten comodines: indica un miembro o una posición</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the quoted name is not closed</source>
        <translation>el nombre entre comillas no está cerrado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected ]</source>
        <translation>se esperaba ]</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the [ is not closed</source>
        <translation>el [ no está cerrado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected a position like [0] or [-1], or a quoted name like [&quot;a key&quot;] (wildcards, slices and filters are not supported)</source>
        <translation>se esperaba una posición como [0] o [-1], o un nombre entre comillas como [&quot;una clave&quot;] (no se admiten comodines, rebanadas ni filtros)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>expected . or [</source>
        <translation>se esperaba . o [</translation>
    </message>
    <message>
        <location filename="../app/core/http/variables.cpp" line="+136"/>
        <source>{{%1}}: the environment variable %2 is not set</source>
        <translation>{{%1}}: la variable de entorno %2 no está definida</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{{%1}} is a secret without a value here: set the environment variable %2</source>
        <translation>{{%1}} es un secreto sin valor aquí: define la variable de entorno %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown variable {{%1}}: no environment is chosen; choose one that defines it, or set the environment variable %2</source>
        <translation>variable desconocida {{%1}}: no hay ningún entorno elegido; elige uno que la defina, o define la variable de entorno %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown variable {{%1}}: the environment &quot;%2&quot; does not define it; add it there, or set the environment variable %3</source>
        <translation>variable desconocida {{%1}}: el entorno &quot;%2&quot; no la define; añádela allí, o define la variable de entorno %3</translation>
    </message>
</context>
<context>
    <name>HttpClientPanel</name>
    <message>
        <location filename="../ui/http/httpclientpanel.cpp" line="+55"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Collections</source>
        <translation>Colecciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready requests grouped by name, such as one per Ingress of the cluster</source>
        <translation>Peticiones listas agrupadas por nombre, como una por cada Ingress del clúster</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>History, request and response</source>
        <translation>Historial, petición y respuesta</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The request method; another token can be typed</source>
        <translation>El método de la petición; puedes escribir otro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>http://127.0.0.1:31042/api/v1/items</source>
        <translation>http://127.0.0.1:31042/api/v1/items</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Why the request was not sent</source>
        <translation>Por qué no se envió la petición</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was sent: give the variable a value in the environment (Environments…), choose another environment, or set PASARELA_VAR_name</source>
        <translation>No se envió nada: da un valor a la variable en el entorno (Entornos…), elige otro entorno, o define PASARELA_VAR_nombre</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+6"/>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Send the request (Ctrl+Return)</source>
        <translation>Enviar la petición (Ctrl+Return)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Stop waiting for the response (Esc)</source>
        <translation>Dejar de esperar la respuesta (Esc)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save response</source>
        <translation>Guardar respuesta</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Copy as curl</source>
        <translation>Copiar como curl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put a curl command that sends this request on the clipboard</source>
        <translation>Poner en el portapapeles un comando curl que envía esta petición</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste curl…</source>
        <translation>Pegar curl…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill the request from a curl command</source>
        <translation>Rellenar la petición a partir de un comando curl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save to collection…</source>
        <translation>Guardar en colección…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep this request, with its name and assertions, in a collection</source>
        <translation>Guardar esta petición, con su nombre y sus aserciones, en una colección</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Save response…</source>
        <translation>Guardar respuesta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the response body, byte for byte, to a file (Ctrl+S)</source>
        <translation>Escribir el cuerpo de la respuesta, byte a byte, en un archivo (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export exchange…</source>
        <translation>Exportar intercambio…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the request, the response and their timings to one JSON file</source>
        <translation>Escribir la petición, la respuesta y sus tiempos en un único archivo JSON</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Not sent: %1</source>
        <translation>No se envió: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The URL to send to, http:// or https://; Enter or Ctrl+Return sends. {{name}} takes its value from the chosen environment</source>
        <translation>La URL a la que enviar, http:// o https://; Enter o Ctrl+Return envían la petición. {{nombre}} toma su valor del entorno elegido</translation>
    </message>
</context>
<context>
    <name>Inspect</name>
    <message>
        <location filename="../app/core/inspect/httpframing.cpp" line="+60"/>
        <source>not HTTP: a header block starts with a folded line</source>
        <translation>no es HTTP: un bloque de cabeceras empieza con una línea plegada</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>not HTTP: a malformed header line</source>
        <translation>no es HTTP: una línea de cabecera mal formada</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>not HTTP: malformed request line</source>
        <translation>no es HTTP: línea de petición mal formada</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>not HTTP: the server&apos;s answer has no status line</source>
        <translation>no es HTTP: la respuesta del servidor no tiene línea de estado</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>not HTTP: malformed chunked body</source>
        <translation>no es HTTP: cuerpo por fragmentos (chunked) mal formado</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>trailers longer than 64 KiB</source>
        <translation>campos finales (trailers) de más de 64 KiB</translation>
    </message>
    <message>
        <location filename="../app/core/inspect/tlshello.cpp" line="+81"/>
        <source>not TLS: a record other than a handshake came before the ClientHello ended</source>
        <translation>no es TLS: llegó un registro que no es de negociación antes de terminar el ClientHello</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not TLS: unknown record version</source>
        <translation>no es TLS: versión de registro desconocida</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not TLS: bad record length</source>
        <translation>no es TLS: longitud de registro incorrecta</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>not TLS: the first handshake message is not a ClientHello</source>
        <translation>no es TLS: el primer mensaje de negociación no es un ClientHello</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TLS ClientHello longer than 16 KiB</source>
        <translation>ClientHello de TLS de más de 16 KiB</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>TLS ClientHello with a malformed server name</source>
        <translation>ClientHello de TLS con un nombre de servidor mal formado</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>TLS ClientHello with a malformed ALPN list</source>
        <translation>ClientHello de TLS con una lista ALPN mal formada</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TLS ClientHello malformed</source>
        <translation>ClientHello de TLS mal formado</translation>
    </message>
    <message>
        <location filename="../app/core/inspect/streaminspector.cpp" line="+116"/>
        <source>not HTTP: the server spoke first</source>
        <translation>no es HTTP: el servidor habló primero</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>not HTTP: request line &quot;%1&quot;</source>
        <translation>no es HTTP: línea de petición &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>HTTP/2 without TLS</source>
        <translation>HTTP/2 sin TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not HTTP/1.x: request line &quot;%1&quot;</source>
        <translation>no es HTTP/1.x: línea de petición &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>request headers longer than 64 KiB</source>
        <translation>cabeceras de petición de más de 64 KiB</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>more than %1 requests waiting for their answers</source>
        <translation>más de %1 peticiones esperando su respuesta</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>not HTTP: a request body in an unknown transfer coding</source>
        <translation>no es HTTP: un cuerpo de petición con una codificación de transferencia desconocida</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not HTTP: a request with an invalid Content-Length</source>
        <translation>no es HTTP: una petición con un Content-Length no válido</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>not HTTP: the server sent bytes no request asked for</source>
        <translation>no es HTTP: el servidor envió bytes que ninguna petición pidió</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>response headers longer than 64 KiB</source>
        <translation>cabeceras de respuesta de más de 64 KiB</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>not HTTP: an answer with an invalid Content-Length</source>
        <translation>no es HTTP: una respuesta con un Content-Length no válido</translation>
    </message>
</context>
<context>
    <name>Json</name>
    <message>
        <location filename="../app/core/http/jsonparser.cpp" line="+126"/>
        <source>line %1, column %2: %3</source>
        <translation>línea %1, columna %2: %3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>expected &apos;&quot;&apos; to close this string before the end of the text</source>
        <translation>se esperaba &apos;&quot;&apos; para cerrar esta cadena antes del final del texto</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>expected four hex digits after \u</source>
        <translation>se esperaban cuatro dígitos hexadecimales tras \u</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>expected an escape (\&quot; \\ \/ \b \f \n \r \t \uXXXX) after the backslash</source>
        <translation>se esperaba una secuencia de escape (\&quot; \\ \/ \b \f \n \r \t \uXXXX) tras la barra invertida</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected &apos;&quot;&apos; to close the string: control characters and line breaks in a string must be escaped (\n, \t, \u00XX)</source>
        <translation>se esperaba &apos;&quot;&apos; para cerrar la cadena: los caracteres de control y los saltos de línea de una cadena deben escaparse (\n, \t, \u00XX)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected UTF-8 text in the string, found an invalid byte sequence</source>
        <translation>se esperaba texto UTF-8 en la cadena, se encontró una secuencia de bytes no válida</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>expected &apos;.&apos;, &apos;e&apos; or the end of the number: leading zeros are not allowed</source>
        <translation>se esperaba &apos;.&apos;, &apos;e&apos; o el final del número: no se admiten ceros a la izquierda</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected a digit</source>
        <translation>se esperaba un dígito</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected a digit after the decimal point</source>
        <translation>se esperaba un dígito tras el punto decimal</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>expected a digit in the exponent</source>
        <translation>se esperaba un dígito en el exponente</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>expected a key in double quotes</source>
        <translation>se esperaba una clave entre comillas dobles</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>expected &apos;:&apos; after the key</source>
        <translation>se esperaba &apos;:&apos; tras la clave</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>expected a value (an object, a list, a string, a number, true, false or null)</source>
        <translation>se esperaba un valor (un objeto, una lista, una cadena, un número, true, false o null)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>expected a value</source>
        <translation>se esperaba un valor</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected at most %1 levels of nesting</source>
        <translation>se esperaban como mucho %1 niveles de anidamiento</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>expected a key in double quotes or &apos;}&apos;</source>
        <translation>se esperaba una clave entre comillas dobles o &apos;}&apos;</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>expected the end of the text after the value</source>
        <translation>se esperaba el final del texto tras el valor</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>expected &apos;,&apos; or &apos;}&apos;</source>
        <translation>se esperaba &apos;,&apos; o &apos;}&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected &apos;,&apos; or &apos;]&apos;</source>
        <translation>se esperaba &apos;,&apos; o &apos;]&apos;</translation>
    </message>
    <message>
        <location filename="../app/core/http/jsontree.cpp" line="+57"/>
        <source>{1 key}</source>
        <translation>{1 clave}</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>{%n keys}</source>
        <translation>
            <numerusform>{%n clave}</numerusform>
            <numerusform>{%n claves}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[1 item]</source>
        <translation>[1 elemento]</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>[%n items]</source>
        <translation>
            <numerusform>[%n elemento]</numerusform>
            <numerusform>[%n elementos]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JsonTreeModel</name>
    <message>
        <location filename="../ui/http/jsontreemodel.cpp" line="+22"/>
        <source>object</source>
        <translation>objeto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>array</source>
        <translation>array</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>string</source>
        <translation>cadena</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>number</source>
        <translation>número</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>boolean</source>
        <translation>booleano</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location line="+159"/>
        <source>Key / index</source>
        <translation>Clave / índice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <location filename="../ui/log/logmodel.cpp" line="+18"/>
        <source>Info</source>
        <translation>Información</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>rule %1</source>
        <translation>regla %1</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <location filename="../ui/log/logpanel.cpp" line="+26"/>
        <source>Event log</source>
        <translation>Registro de eventos</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy the selected rows, or all rows when none is selected (%1)</source>
        <translation>Copiar las filas seleccionadas, o todas si no hay ninguna seleccionada (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>C&amp;lear</source>
        <translation>&amp;Vaciar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove all events from the log</source>
        <translation>Quitar todos los eventos del registro</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy log</source>
        <translation>Copiar el registro</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear</source>
        <translation>Vaciar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear log</source>
        <translation>Vaciar el registro</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+76"/>
        <source>Pasarela</source>
        <translation>Pasarela</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Connections</source>
        <translation>C&amp;onexiones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Throughput</source>
        <translation>&amp;Caudal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Log</source>
        <translation>R&amp;egistro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTT&amp;P client</source>
        <translation>Cliente HTT&amp;P</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;quests</source>
        <translation>Pe&amp;ticiones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections, throughput, log, HTTP client and requests</source>
        <translation>Conexiones, caudal, registro, cliente HTTP y peticiones</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rules accepting connections now</source>
        <translation>Reglas que aceptan conexiones ahora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections open now, over all rules</source>
        <translation>Conexiones abiertas ahora, en todas las reglas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total rate: in is client to target, out is target to client</source>
        <translation>Velocidad total: entrada es del cliente al destino; salida, del destino al cliente</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Keep running in the tray when closed</source>
        <translation>&amp;Mantener en la bandeja del sistema al cerrar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Closing the window leaves the rules listening, with an icon in the tray</source>
        <translation>Al cerrar la ventana, las reglas siguen escuchando, con un icono en la bandeja del sistema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start at &amp;login</source>
        <translation>&amp;Abrir al iniciar sesión</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start Pasarela hidden in the tray when you log in, with the saved rules listening</source>
        <translation>Al iniciar sesión, abrir Pasarela solo en la bandeja del sistema, con las reglas guardadas escuchando</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop every rule and quit</source>
        <translation>Detener todas las reglas y salir</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The unreadable rules file was kept as %1</source>
        <translation>El archivo de reglas ilegible se conservó como %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved %1</source>
        <translation>Se guardó %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Rules</source>
        <translation>&amp;Reglas</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ex&amp;port as</source>
        <translation>Ex&amp;portar como</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xpose cluster…</source>
        <translation>E&amp;xponer clúster…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Read the Minikube or kubectl cluster and create rules for its ingress and NodePort services</source>
        <translation>Leer el clúster de Minikube o de kubectl y crear reglas para su ingress y sus servicios NodePort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try the &amp;demo</source>
        <translation>Probar la &amp;demo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A built-in ingress on loopback, a rule on 127.0.0.1:%1 to it and a request ready in the HTTP client; nothing is saved</source>
        <translation>Un ingress integrado en loopback, una regla en 127.0.0.1:%1 hacia él y una petición lista en el cliente HTTP; no se guarda nada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About Pasarela</source>
        <translation>&amp;Acerca de Pasarela</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rules</source>
        <translation>Reglas</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&lt;b&gt;The rules file could not be read&lt;/b&gt;, so Pasarela started with no rules and left the file as it is.&lt;br&gt;%1&lt;br&gt;Fix the file and start Pasarela again, or add rules here: the first save asks before replacing it and keeps the broken file beside it as a backup.</source>
        <translation>&lt;b&gt;No se pudo leer el archivo de reglas&lt;/b&gt;, así que Pasarela se inició sin reglas y dejó el archivo como estaba.&lt;br&gt;%1&lt;br&gt;Corrige el archivo y vuelve a iniciar Pasarela, o añade reglas aquí: al guardar por primera vez se te preguntará antes de reemplazarlo, y el archivo dañado se conservará a su lado como copia de seguridad.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>About Pasarela</source>
        <translation>Acerca de Pasarela</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Pasarela %1&lt;/h3&gt;&lt;p&gt;Expose a local Kubernetes cluster&apos;s ports to other machines, watch what crosses them, and test the API behind them.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;&lt;p&gt;Copyright © 2026 the Pasarela developers. Free software under the &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License, version 3 or later&lt;/a&gt;; there is no warranty.&lt;/p&gt;&lt;p&gt;How to use it: &lt;a href=&quot;%4&quot;&gt;the README&lt;/a&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Pasarela %1&lt;/h3&gt;&lt;p&gt;Expón los puertos de un clúster local de Kubernetes a otras máquinas, observa lo que pasa por ellos y prueba la API que hay detrás.&lt;/p&gt;&lt;p&gt;Compilado con Qt %2, ejecutándose con Qt %3.&lt;/p&gt;&lt;p&gt;Copyright © 2026 los desarrolladores de Pasarela. Software libre bajo la &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;Licencia Pública General de GNU, versión 3 o posterior&lt;/a&gt;; sin ninguna garantía.&lt;/p&gt;&lt;p&gt;Cómo usarlo: &lt;a href=&quot;%4&quot;&gt;el README&lt;/a&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Pasarela will start hidden in the tray when you log in</source>
        <translation>Pasarela se abrirá solo en la bandeja del sistema al iniciar sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pasarela will not start at login</source>
        <translation>Pasarela no se abrirá al iniciar sesión</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The demo could not start: %1</source>
        <translation>No se pudo iniciar la demo: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Demo ingress answering on 127.0.0.1:%1; the rule &quot;%2&quot; forwards %3 to it</source>
        <translation>El ingress de la demo responde en 127.0.0.1:%1; la regla &quot;%2&quot; reenvía %3 hacia él</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 of %2 rules listening</source>
        <translation>%1 de %2 reglas escuchando</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 connection</source>
        <translation>1 conexión</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 connections</source>
        <translation>%1 conexiones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In %1 · Out %2</source>
        <translation>Entrada %1 · Salida %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>listening on %1, forwarding to %2</source>
        <translation>escuchando en %1, reenviando a %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped</source>
        <translation>detenida</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&quot;%1&quot; follows the cluster</source>
        <translation>&quot;%1&quot; sigue al clúster</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Replace the rules file?</source>
        <translation>¿Reemplazar el archivo de reglas?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 could not be read when Pasarela started, so it was left as it is.

Save the current rules in its place? The unreadable file is kept beside it as a backup.</source>
        <translation>No se pudo leer %1 al iniciarse Pasarela, así que se dejó como estaba.

¿Guardar las reglas actuales en su lugar? El archivo ilegible se conserva a su lado como copia de seguridad.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Pasarela is still forwarding</source>
        <translation>Pasarela sigue reenviando</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The rules keep listening. Quit from the tray icon&apos;s menu; turn this off in File › Keep running in the tray when closed.</source>
        <translation>Las reglas siguen escuchando. Sal desde el menú del icono de la bandeja del sistema; desactívalo en Archivo › Mantener en la bandeja del sistema al cerrar.</translation>
    </message>
</context>
<context>
    <name>ReplayDialog</name>
    <message>
        <location filename="../ui/requests/replaydialog.cpp" line="+46"/>
        <source>no answer</source>
        <translation>sin respuesta</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Replay %1 %2</source>
        <translation>Repetir %1 %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Captured at %1 from %2 on rule &quot;%3&quot;: %4, %5 of body. It goes again to the rule&apos;s listen address with the same Host header.</source>
        <translation>Capturada a las %1 desde %2 en la regla &quot;%3&quot;: %4, %5 de cuerpo. Se vuelve a enviar a la dirección de escucha de la regla con la misma cabecera Host.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Its body (%1) was not captured whole: add it on the Body tab before replaying it edited.</source>
        <translation>Su cuerpo (%1) no se capturó entero: añádelo en la pestaña Cuerpo antes de repetirla editada.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the replay goes: the rule&apos;s listen address and port, as the client reached it</source>
        <translation>Adónde va la repetición: la dirección y el puerto de escucha de la regla, tal como llegó el cliente</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Replay as captured</source>
        <translation>Repetir tal como se capturó</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the request as it was captured, whatever was edited above</source>
        <translation>Enviar la petición tal como se capturó, sin lo que se haya editado arriba</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replay edited</source>
        <translation>Repetir editada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the request as edited above: method, URL, headers (Host too), body (Ctrl+Return)</source>
        <translation>Enviar la petición tal como se ha editado arriba: método, URL, cabeceras (también Host), cuerpo (Ctrl+Return)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Replay outcome</source>
        <translation>Resultado de la repetición</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replay the request to compare its answer with the captured one.</source>
        <translation>Repite la petición para comparar su respuesta con la capturada.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>timestamp, $.meta.requestId, $.items[*].updatedAt</source>
        <translation>timestamp, $.meta.requestId, $.items[*].updatedAt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON fields left out of the comparison, separated by commas: a key name matches that key anywhere, a path from $ only there ([*] for any array index)</source>
        <translation>Campos JSON que se dejan fuera de la comparación, separados por comas: un nombre de clave coincide con esa clave en cualquier lugar, una ruta desde $ solo allí ([*] para cualquier índice de array)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ignored fields</source>
        <translation>Campos ignorados</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Ignore fields:</source>
        <translation>&amp;Ignorar campos:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Hide unchanged</source>
        <translation>&amp;Ocultar lo que no cambia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List only what differs between the captured answer and the replay</source>
        <translation>Mostrar solo lo que difiere entre la respuesta capturada y la repetición</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ignore &amp;volatile headers</source>
        <translation>Ignorar cabeceras &amp;volátiles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave out the headers that differ on every answer or with the framing: %1</source>
        <translation>Dejar fuera las cabeceras que cambian en cada respuesta o según cómo se delimita el cuerpo: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Header</source>
        <translation>Cabecera</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status and headers compared</source>
        <translation>Estado y cabeceras comparados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Path or line</source>
        <translation>Ruta o línea</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bodies compared</source>
        <translation>Cuerpos comparados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About the body comparison</source>
        <translation>Sobre la comparación de los cuerpos</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+126"/>
        <source>Body</source>
        <translation>Cuerpo</translation>
    </message>
    <message>
        <location line="-125"/>
        <location line="+126"/>
        <source>Status and headers</source>
        <translation>Estado y cabeceras</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Not sent: %1.</source>
        <translation>No se envió: %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Replaying…</source>
        <translation>Repitiendo…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The replay failed: %1.</source>
        <translation>La repetición falló: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Is the rule still started and listening there?</source>
        <translation>¿Sigue la regla iniciada y escuchando allí?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The target may be stopped or slow: check it, or raise the timeout on the Options tab.</source>
        <translation>Puede que el destino esté detenido o vaya lento: compruébalo, o sube el tiempo de espera en la pestaña Opciones.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The captured answer&apos;s headers and body were not kept (too many at once, or seen before this window opened): only the status is compared.</source>
        <translation>No se conservaron las cabeceras ni el cuerpo de la respuesta capturada (demasiadas a la vez, o vista antes de abrirse esta ventana): solo se compara el estado.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Body (%1)</source>
        <translation>Cuerpo (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status and headers (%1)</source>
        <translation>Estado y cabeceras (%1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>1 field ignored.</source>
        <translation>1 campo ignorado.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n fields ignored.</source>
        <translation>
            <numerusform>%n campo ignorado.</numerusform>
            <numerusform>%n campos ignorados.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 volatile header ignored.</source>
        <translation>1 cabecera volátil ignorada.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n volatile headers ignored.</source>
        <translation>
            <numerusform>%n cabecera volátil ignorada.</numerusform>
            <numerusform>%n cabeceras volátiles ignoradas.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The same as the captured answer.</source>
        <translation>Igual que la respuesta capturada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 difference with the captured answer.</source>
        <translation>1 diferencia con la respuesta capturada.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n differences with the captured answer.</source>
        <translation>
            <numerusform>%n diferencia con la respuesta capturada.</numerusform>
            <numerusform>%n diferencias con la respuesta capturada.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answered %1 in %2 ms.</source>
        <translation>Respondió %1 en %2 ms.</translation>
    </message>
</context>
<context>
    <name>Request</name>
    <message>
        <location filename="../app/cli/requestcommand.cpp" line="+27"/>
        <source>%1: cannot read %2: %3</source>
        <translation>%1: no se puede leer %2: %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>-H &quot;%1&quot;: expected &quot;Name: value&quot;</source>
        <translation>-H &quot;%1&quot;: se esperaba &quot;Nombre: valor&quot;</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 · %2 ms (first byte %3 ms) · %4</source>
        <translation>%1 · %2 ms (primer byte %3 ms) · %4</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sends one HTTP request, as curl would: the body to stdout (or -o FILE), the status line
and timings to stderr. Set a Host header to reach a host rule of an ingress through an
exposed port.</source>
        <translation>Envía una petición HTTP, como haría curl: el cuerpo a stdout (o -o ARCHIVO), la línea de estado
y los tiempos a stderr. Pon una cabecera Host para llegar a una regla de host de un ingress a través
de un puerto expuesto.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Method (default GET, POST with -d).</source>
        <translation>Método (predeterminado GET, POST con -d).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>METHOD</source>
        <translation>MÉTODO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A header, &quot;Name: value&quot; (repeatable), e.g. &quot;Host: api.local&quot;.</source>
        <translation>Una cabecera, &quot;Nombre: valor&quot; (repetible), p. ej. &quot;Host: api.local&quot;.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HEADER</source>
        <translation>CABECERA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Body to send; @FILE reads a file, @- stdin (sent byte for byte). Content-Type defaults to application/json when the body is JSON, else application/x-www-form-urlencoded.</source>
        <translation>Cuerpo que enviar; @ARCHIVO lee un archivo, @- la entrada estándar (se envía byte a byte). Content-Type es, si no se indica, application/json cuando el cuerpo es JSON y application/x-www-form-urlencoded si no.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>BODY</source>
        <translation>CUERPO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the contents of FILE as the body.</source>
        <translation>Envía el contenido de ARCHIVO como cuerpo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <location line="+18"/>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Write the body to FILE (atomically: no partial file on failure).</source>
        <translation>Escribe el cuerpo en ARCHIVO (de forma atómica: ningún archivo a medias si algo falla).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give up after MS milliseconds, connect to last byte (default %1).</source>
        <translation>Desiste tras MS milisegundos, desde la conexión hasta el último byte (predeterminado %1).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Do not verify the server&apos;s TLS certificate.</source>
        <translation>No verifica el certificado TLS del servidor.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow redirects (at most 20).</source>
        <translation>Sigue las redirecciones (como mucho 20).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exit with 1 and write no body when the status is 400 or more.</source>
        <translation>Sale con 1 y no escribe el cuerpo si el estado es 400 o más.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the exchange (request, response or error, timings) as JSON to FILE.</source>
        <translation>Escribe el intercambio (petición, respuesta o error, tiempos) como JSON en ARCHIVO.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep Authorization and Cookie values in the --export file.</source>
        <translation>Conserva los valores de Authorization y Cookie en el archivo de --export.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show this help.</source>
        <translation>Muestra esta ayuda.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>http:// or https:// URL.</source>
        <translation>URL http:// o https://.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (see pasarela request --help)</source>
        <translation>%1 (consulta pasarela request --help)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Usage: pasarela request [options] URL</source>
        <translation>Uso: pasarela request [opciones] URL</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exit codes:
  0  a response arrived (any status)
  1  --fail and a status of 400 or more
  2  bad arguments, or a file that cannot be read or written
  3  no response: connection refused, host not found, timeout, TLS, canceled
</source>
        <translation>Códigos de salida:
  0  llegó una respuesta (con cualquier estado)
  1  --fail y un estado de 400 o más
  2  argumentos incorrectos, o un archivo que no se puede leer o escribir
  3  sin respuesta: conexión rechazada, host no encontrado, tiempo agotado, TLS, cancelada
</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a URL is needed (see pasarela request --help)</source>
        <translation>hace falta una URL (consulta pasarela request --help)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one URL only, got &quot;%1&quot; and &quot;%2&quot;</source>
        <translation>solo una URL; se recibieron &quot;%1&quot; y &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>-d and --data-file cannot be used together</source>
        <translation>-d y --data-file no se pueden usar juntos</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>--timeout &quot;%1&quot;: expected milliseconds (1-%2)</source>
        <translation>--timeout &quot;%1&quot;: se esperaban milisegundos (1-%2)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>the server answered %1 (--fail: the body is not written)</source>
        <translation>el servidor respondió %1 (--fail: no se escribe el cuerpo)</translation>
    </message>
</context>
<context>
    <name>RequestEditor</name>
    <message>
        <location filename="../ui/http/requesteditor.cpp" line="+34"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+222"/>
        <source>Headers</source>
        <translation>Cabeceras</translation>
    </message>
    <message>
        <location line="-221"/>
        <location line="+222"/>
        <source>Body</source>
        <translation>Cuerpo</translation>
    </message>
    <message>
        <location line="-220"/>
        <location line="+222"/>
        <source>Assertions</source>
        <translation>Aserciones</translation>
    </message>
    <message>
        <location line="-221"/>
        <source>Options</source>
        <translation>Opciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request headers, body and options</source>
        <translation>Cabeceras, cuerpo y opciones de la petición</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header lines sent with the request; set Host for an ingress</source>
        <translation>Líneas de cabecera enviadas con la petición; indica Host para un ingress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The request body and its content type</source>
        <translation>El cuerpo de la petición y su tipo de contenido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checks of the response: status, headers, JSON values, time; their results are shown beside the response</source>
        <translation>Comprobaciones de la respuesta: estado, cabeceras, valores JSON, tiempo; sus resultados se muestran junto a la respuesta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timeout, TLS verification, redirects, what history keeps</source>
        <translation>Tiempo de espera, verificación TLS, redirecciones, qué guarda el historial</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Request headers</source>
        <translation>Cabeceras de la petición</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double-click a name or value to edit it; untick a line to keep it without sending it</source>
        <translation>Haz doble clic en un nombre o valor para editarlo; desmarca una línea para conservarla sin enviarla</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a header line</source>
        <translation>Añadir una línea de cabecera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add header</source>
        <translation>Añadir cabecera</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Remove the selected header lines (Delete)</source>
        <translation>Quitar las líneas de cabecera seleccionadas (Supr)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove headers</source>
        <translation>Quitar cabeceras</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Sent as Content-Type, unless the headers have their own Content-Type line</source>
        <translation>Se envía como Content-Type, salvo que las cabeceras tengan su propia línea Content-Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content type</source>
        <translation>Tipo de contenido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Content type:</source>
        <translation>Tipo de contenido:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Format JSON</source>
        <translation>Formatear JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indent the body as JSON, or show where it is not valid JSON</source>
        <translation>Sangrar el cuerpo como JSON, o mostrar dónde no es JSON válido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format JSON body</source>
        <translation>Formatear el cuerpo JSON</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Request body, e.g. {&quot;name&quot;: &quot;demo&quot;}</source>
        <translation>Cuerpo de la petición, p. ej. {&quot;name&quot;: &quot;demo&quot;}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent as typed, in UTF-8</source>
        <translation>Se envía tal como está escrito, en UTF-8</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request body</source>
        <translation>Cuerpo de la petición</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Body check</source>
        <translation>Comprobación del cuerpo</translation>
    </message>
    <message>
        <location line="+21"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give up when the whole exchange takes longer than this, from connecting to the last byte</source>
        <translation>Abandonar si el intercambio completo tarda más que esto, desde la conexión hasta el último byte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeout in milliseconds</source>
        <translation>Tiempo de espera en milisegundos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify the TLS certificate</source>
        <translation>Verificar el certificado TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Untick to accept a self-signed or otherwise untrusted certificate (https only)</source>
        <translation>Desmarca para aceptar un certificado autofirmado o que no sea de confianza por otro motivo (solo https)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow redirects</source>
        <translation>Seguir redirecciones</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow 3xx answers to where they point; untick to see the redirect itself</source>
        <translation>Seguir las respuestas 3xx hasta donde apuntan; desmarca para ver la propia redirección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save Authorization and Cookie values in history and exports</source>
        <translation>Guardar los valores de Authorization y Cookie en el historial y las exportaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off: history and exported files keep these headers without their values, so no password or token is written to disk</source>
        <translation>Desactivado: el historial y los archivos exportados conservan estas cabeceras sin sus valores, así que no se escribe en disco ninguna contraseña ni token</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Timeout:</source>
        <translation>Tiempo de espera:</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Not valid JSON: %1</source>
        <translation>JSON no válido: %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Headers (%1)</source>
        <translation>Cabeceras (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body •</source>
        <translation>Cuerpo •</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assertions (%1)</source>
        <translation>Aserciones (%1)</translation>
    </message>
</context>
<context>
    <name>RequestLogModel</name>
    <message>
        <location filename="../ui/requests/requestlogmodel.cpp" line="+43"/>
        <source>rule %1</source>
        <translation>regla %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&lt; 1 ms</source>
        <translation>&lt; 1 ms</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No response came before the connection closed</source>
        <translation>No llegó respuesta antes de que se cerrara la conexión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First byte after %1 ms</source>
        <translation>Primer byte tras %1 ms</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No response byte seen</source>
        <translation>No se vio ningún byte de respuesta</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Path</source>
        <translation>Ruta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latency</source>
        <translation>Latencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>When the request&apos;s first byte arrived</source>
        <translation>Cuándo llegó el primer byte de la petición</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Host header the client sent</source>
        <translation>La cabecera Host que envió el cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The request target as sent</source>
        <translation>El destino de la petición tal como se envió</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From the request to the end of the response</source>
        <translation>Desde la petición hasta el final de la respuesta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response body size</source>
        <translation>Tamaño del cuerpo de la respuesta</translation>
    </message>
</context>
<context>
    <name>RequestsPanel</name>
    <message>
        <location filename="../ui/requests/requestspanel.cpp" line="+45"/>
        <source>&amp;Send to HTTP client</source>
        <translation>&amp;Enviar al cliente HTTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Replay…</source>
        <translation>&amp;Repetir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;JSON…</source>
        <translation>Exportar &amp;JSON…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;HAR…</source>
        <translation>Exportar &amp;HAR…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lear</source>
        <translation>&amp;Vaciar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter by any column</source>
        <translation>Filtrar por cualquier columna</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show only requests with this text in any column: rule, client, host, method, path, status (Ctrl+F)</source>
        <translation>Mostrar solo las peticiones con este texto en alguna columna: regla, cliente, host, método, ruta, estado (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request filter</source>
        <translation>Filtro de peticiones</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open the selected request in the HTTP client, sent to the rule&apos;s listen address with the same Host header (Enter, double-click or Ctrl+Enter), with its body when it was captured whole (up to 256 KiB).</source>
        <translation>Abrir la petición seleccionada en el cliente HTTP, dirigida a la dirección de escucha de la regla con la misma cabecera Host (Enter, doble clic o Ctrl+Enter), con su cuerpo si se capturó entero (hasta 256 KiB).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send the selected request again, as captured or edited, and compare the answer with the captured one: status, headers and the JSON body field by field (Ctrl+Shift+R)</source>
        <translation>Volver a enviar la petición seleccionada, tal como se capturó o editada, y comparar la respuesta con la capturada: estado, cabeceras y el cuerpo JSON campo a campo (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the requests shown as a JSON array (Ctrl+Shift+J); secret header values are left empty</source>
        <translation>Guardar las peticiones mostradas como un array JSON (Ctrl+Mayús+J); los valores de las cabeceras secretas quedan vacíos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the requests shown as a HAR file for browsers&apos; developer tools and HAR viewers (Ctrl+Shift+H); secret header values are left empty</source>
        <translation>Guardar las peticiones mostradas como archivo HAR para las herramientas de desarrollo de los navegadores y los visores de HAR (Ctrl+Mayús+H); los valores de las cabeceras secretas quedan vacíos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove every request from the list</source>
        <translation>Quitar todas las peticiones de la lista</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Requests</source>
        <translation>Peticiones</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>No requests yet. The HTTP requests of rules that inspect them show here: by default rules to port 80 or 8080 and rules made from an ingress; turn it on or off with &quot;Inspect HTTP requests&quot; in the rule&apos;s editor.</source>
        <translation>Aún no hay peticiones. Aquí aparecen las peticiones HTTP de las reglas que las inspeccionan: por omisión, las reglas hacia el puerto 80 u 8080 y las creadas a partir de un ingress; actívalo o desactívalo con &quot;Inspeccionar peticiones HTTP&quot; en el editor de la regla.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The request&apos;s body (%1 bytes) was not captured: add it in the HTTP client before sending</source>
        <translation>El cuerpo de la petición (%1 bytes) no se capturó: añádelo en el cliente HTTP antes de enviarla</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>HAR files (*.har)</source>
        <translation>Archivos HAR (*.har)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export requests as HAR</source>
        <translation>Exportar las peticiones como HAR</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export requests as JSON</source>
        <translation>Exportar las peticiones como JSON</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export failed</source>
        <translation>Error al exportar</translation>
    </message>
</context>
<context>
    <name>ResponseView</name>
    <message>
        <location filename="../ui/http/responseview.cpp" line="+74"/>
        <source>Response status</source>
        <translation>Estado de la respuesta</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+163"/>
        <source>Status code and reason of the response</source>
        <translation>Código de estado y motivo de la respuesta</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Response timing</source>
        <translation>Tiempos de la respuesta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total time from sending to the last byte, and the time to the first byte</source>
        <translation>Tiempo total desde el envío hasta el último byte, y tiempo hasta el primer byte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response size</source>
        <translation>Tamaño de la respuesta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size of the response body as delivered (after gzip decoding)</source>
        <translation>Tamaño del cuerpo de la respuesta tal como se entregó (tras descomprimir gzip)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request in progress</source>
        <translation>Petición en curso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The request is on its way; Esc cancels it</source>
        <translation>La petición está en camino; Esc la cancela</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Request error</source>
        <translation>Error de la petición</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Note about the response body</source>
        <translation>Nota sobre el cuerpo de la respuesta</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Response body as a JSON tree</source>
        <translation>Cuerpo de la respuesta como árbol JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right-click to copy a value or its path</source>
        <translation>Haz clic derecho para copiar un valor o su ruta</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+236"/>
        <source>Copy value</source>
        <translation>Copiar valor</translation>
    </message>
    <message>
        <location line="-232"/>
        <location line="+233"/>
        <source>Copy path</source>
        <translation>Copiar ruta</translation>
    </message>
    <message>
        <location line="-218"/>
        <source>Response body, indented</source>
        <translation>Cuerpo de la respuesta, sangrado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The JSON body indented, keys in the order the server sent them</source>
        <translation>El cuerpo JSON sangrado, con las claves en el orden en que las envió el servidor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response body as received</source>
        <translation>Cuerpo de la respuesta tal como se recibió</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The body as it arrived</source>
        <translation>El cuerpo tal como llegó</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Response headers</source>
        <translation>Cabeceras de la respuesta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The headers as received, in order</source>
        <translation>Las cabeceras tal como se recibieron, en orden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tree</source>
        <translation>Árbol</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pretty</source>
        <translation>Formateado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw</source>
        <translation>Sin procesar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headers</source>
        <translation>Cabeceras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The JSON body as a tree</source>
        <translation>El cuerpo JSON como árbol</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The JSON body indented</source>
        <translation>El cuerpo JSON sangrado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The body as received</source>
        <translation>El cuerpo tal como se recibió</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The response headers</source>
        <translation>Las cabeceras de la respuesta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response body and headers</source>
        <translation>Cuerpo y cabeceras de la respuesta</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No response yet</source>
        <translation>Aún no hay respuesta</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Waiting for the response…</source>
        <translation>Esperando la respuesta…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Received %1 of %2</source>
        <translation>Recibidos %1 de %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received %1</source>
        <translation>Recibidos %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Canceled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No response</source>
        <translation>Sin respuesta</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>redirected to %1</source>
        <translation>redirigida a %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status code and reason of the response (%1)</source>
        <translation>Código de estado y motivo de la respuesta (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total %1 · first byte %2</source>
        <translation>Total %1 · primer byte %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading the %1 body…</source>
        <translation>Leyendo el cuerpo de %1…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The response has no body.</source>
        <translation>La respuesta no tiene cuerpo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no content type</source>
        <translation>sin tipo de contenido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not JSON (%1): shown as text.</source>
        <translation>No es JSON (%1): se muestra como texto.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not valid JSON (%1; %2): shown as text.</source>
        <translation>JSON no válido (%1; %2): se muestra como texto.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Showing the first %1 MB of %2; Save keeps everything.</source>
        <translation>Se muestran los primeros %1 MB de %2; al guardar se conserva todo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Raw lines longer than %1 characters are broken for display.</source>
        <translation>En la vista sin procesar, las líneas de más de %1 caracteres se parten para mostrarlas.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Expand all</source>
        <translation>Expandir todo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Collapse all</source>
        <translation>Contraer todo</translation>
    </message>
</context>
<context>
    <name>RuleController</name>
    <message>
        <location filename="../ui/rules/rulecontroller.cpp" line="+134"/>
        <source> (copy)</source>
        <translation> (copia)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Not saved: %1 could not be read, and it was left as it is.</source>
        <translation>No se guardó: no se pudo leer %1 y se dejó como estaba.</translation>
    </message>
</context>
<context>
    <name>RuleEditorDialog</name>
    <message>
        <location filename="../ui/rules/ruleeditordialog.cpp" line="+91"/>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. minikube ingress</source>
        <translation>p. ej. ingress de minikube</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A name for this rule, unique among your rules</source>
        <translation>Un nombre para esta regla, distinto de los de tus otras reglas</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Other machines that can reach this address can connect. Add an allow-list to limit who can.</source>
        <translation>Otras máquinas que lleguen a esta dirección pueden conectarse. Añade una lista de permitidos para limitar quién puede.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Listen address:</source>
        <translation>&amp;Dirección de escucha:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The address of this PC to listen on. 127.0.0.1 or ::1: only this PC can connect. 0.0.0.0 or :: (all interfaces) or a network address: other machines can connect too.</source>
        <translation>La dirección de este equipo en la que escuchar. 127.0.0.1 o ::1: solo este equipo puede conectarse. 0.0.0.0 o :: (todas las interfaces) o una dirección de red: también pueden conectarse otras máquinas.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Listen &amp;port:</source>
        <translation>&amp;Puerto de escucha:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The port clients connect to on this PC (1-65535; ports below 1024 need privileges)</source>
        <translation>El puerto de este equipo al que se conectan los clientes (1-65535; los puertos por debajo de 1024 requieren privilegios)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP (datagrams, one session per client address)</source>
        <translation>UDP (datagramas, una sesión por dirección de cliente)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;rotocol:</source>
        <translation>P&amp;rotocolo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP for web, APIs and most services; UDP for DNS or a UDP NodePort. A UDP session ends after its idle timeout (60 s when the timeout is off).</source>
        <translation>TCP para web, API y la mayoría de servicios; UDP para DNS o un NodePort UDP. Una sesión UDP termina tras su tiempo de inactividad (60 s si está desactivado).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>192.168.49.2 or ingress.local</source>
        <translation>192.168.49.2 o ingress.local</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Target host:</source>
        <translation>&amp;Host de destino:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where connections are passed on to: an IP address or a host name</source>
        <translation>Adónde se reenvían las conexiones: una dirección IP o un nombre de host</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Target p&amp;ort:</source>
        <translation>P&amp;uerto de destino:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The port on the target host (1-65535)</source>
        <translation>El puerto del host de destino (1-65535)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>none; e.g. 192.168.49.3:30080, 192.168.49.4:30080</source>
        <translation>ninguno; p. ej. 192.168.49.3:30080, 192.168.49.4:30080</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fallback targets:</source>
        <translation>Destinos de reser&amp;va:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HOST:PORT, separated by commas, tried in order when the target refuses, cannot be reached or does not answer in time. A target that failed is skipped for the cool-down.</source>
        <translation>HOST:PUERTO, separados por comas, probados en orden cuando el destino rechaza, no se alcanza o no responde a tiempo. Un destino que falló se salta durante la espera.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>With fallback targets: how long a target that failed is skipped before it is tried first again</source>
        <translation>Con destinos de reserva: cuánto tiempo se salta un destino que falló antes de volver a probarlo primero</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Empty: anyone who can reach the listen address.
Or one network per line, e.g. 192.168.1.0/24</source>
        <translation>Vacío: cualquiera que llegue a la dirección de escucha.
O una red por línea, p. ej. 192.168.1.0/24</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Allow from:</source>
        <translation>Permitir de&amp;sde:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only clients from these networks are let in: one address or network (CIDR) per line, or separated by commas. Leave empty to let anyone in who can reach the listen address.</source>
        <translation>Solo se admiten clientes de estas redes: una dirección o red (CIDR) por línea, o separadas por comas. Déjalo vacío para admitir a cualquiera que llegue a la dirección de escucha.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Max connections:</source>
        <translation>&amp;Máximo de conexiones:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connections open at once; further clients are refused</source>
        <translation>Conexiones abiertas a la vez; los demás clientes se rechazan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Connect timeout:</source>
        <translation>&amp;Tiempo de conexión:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How long to wait for the target to accept a connection, in milliseconds</source>
        <translation>Cuánto esperar a que el destino acepte una conexión, en milisegundos</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+27"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+27"/>
        <source>off</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Cool-&amp;down:</source>
        <translation>Esp&amp;era tras un fallo:</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;Idle timeout:</source>
        <translation>Tiempo de &amp;inactividad:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close a connection after this many seconds without traffic in either direction; off keeps it open</source>
        <translation>Cerrar una conexión tras estos segundos sin tráfico en ningún sentido; desactivado la mantiene abierta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inspect &amp;HTTP requests</source>
        <translation>Inspe&amp;ccionar peticiones HTTP</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read a copy of each connection&apos;s first bytes to list its HTTP requests (method, host, path, status, timing) in the Requests tab, or the server name of a TLS connection. The traffic itself is never changed or delayed. On by default for targets on port 80 or 8080 and for rules made from an ingress.</source>
        <translation>Leer una copia de los primeros bytes de cada conexión para listar sus peticiones HTTP (método, host, ruta, estado, tiempos) en la pestaña Peticiones, o el nombre de servidor de una conexión TLS. El tráfico en sí nunca se modifica ni se retrasa. Activado por omisión para destinos en el puerto 80 u 8080 y para reglas creadas a partir de un ingress.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inspect HTTP requests</source>
        <translation>Inspeccionar peticiones HTTP</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Follow the cl&amp;uster</source>
        <translation>Seguir el cl&amp;úster</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only for rules made from the cluster (Cluster › Expose cluster)</source>
        <translation>Solo para reglas creadas desde el clúster (Clúster › Exponer clúster)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-read the cluster every %1 s and after a failed connection; when Minikube&apos;s IP or the node port moved, move the target there. Open connections stay.</source>
        <translation>Vuelve a leer el clúster cada %1 s y tras una conexión fallida; si la IP de Minikube o el puerto de nodo cambiaron, lleva el destino allí. Las conexiones abiertas se mantienen.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;General</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latency, bandwidth, resets, timeouts and refused connections injected on purpose, to test how clients cope</source>
        <translation>Latencia, ancho de banda, reinicios, tiempos de espera y conexiones rechazadas inyectados a propósito, para probar cómo reaccionan los clientes</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>loopback, this PC only</source>
        <translation>loopback, solo este equipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IPv6 loopback, this PC only</source>
        <translation>loopback IPv6, solo este equipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all IPv4 interfaces</source>
        <translation>todas las interfaces IPv4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all IPv6 interfaces</source>
        <translation>todas las interfaces IPv6</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Fault&amp;s</source>
        <translation>&amp;Fallos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fault&amp;s (%1)</source>
        <translation>&amp;Fallos (%1)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Enter the port to listen on, 1-65535.</source>
        <translation>Escribe el puerto en el que escuchar, 1-65535.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the target&apos;s port, 1-65535.</source>
        <translation>Escribe el puerto del destino, 1-65535.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter a number, %1-%2.</source>
        <translation>Escribe un número, %1-%2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: enter a number, %2-%3.</source>
        <translation>%1: escribe un número, %2-%3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Faults are for TCP rules only: turn them off on the Faults tab, or choose TCP.</source>
        <translation>Los fallos son solo para reglas TCP: desactívalos en la pestaña Fallos, o elige TCP.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter an address of this PC to listen on, e.g. 127.0.0.1.</source>
        <translation>Escribe una dirección de este equipo en la que escuchar, p. ej. 127.0.0.1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the host to pass connections on to, e.g. 192.168.49.2.</source>
        <translation>Escribe el host al que reenviar las conexiones, p. ej. 192.168.49.2.</translation>
    </message>
</context>
<context>
    <name>RuleTableModel</name>
    <message>
        <location filename="../ui/rules/ruletablemodel.cpp" line="+29"/>
        <source>Listening</source>
        <translation>Escuchando</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped</source>
        <translation>Detenida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>all IPv4 interfaces (0.0.0.0)</source>
        <translation>todas las interfaces IPv4 (0.0.0.0)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all IPv6 interfaces (::)</source>
        <translation>todas las interfaces IPv6 (::)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reachable from other machines on %1.</source>
        <translation>Accesible desde otras máquinas en %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anyone who can reach this address can connect; add an allow-list to restrict it.</source>
        <translation>Cualquiera que llegue a esta dirección puede conectarse; añade una lista de permitidos para restringirlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only these sources are let in: %1</source>
        <translation>Solo se admiten estos orígenes: %1</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Enabled: untick to stop this rule</source>
        <translation>Activada: desmarca la casilla para detener esta regla</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled: tick to start this rule</source>
        <translation>Desactivada: marca la casilla para iniciar esta regla</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1  (not saved)</source>
        <translation>%1  (sin guardar)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: lasts until Pasarela quits; edit it to keep it in the rules file</source>
        <translation>%1: dura hasta que se cierre Pasarela; edítala para conservarla en el archivo de reglas</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1, with faults: %2</source>
        <translation>%1, con fallos: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 UDP</source>
        <translation>%1 UDP</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1  (exposed)</source>
        <translation>%1  (expuesta)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only programs on this PC can connect (loopback).</source>
        <translation>Solo pueden conectarse los programas de este equipo (loopback).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, exposed to other machines</source>
        <translation>%1, expuesta a otras máquinas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>After minikube stop/start the service answers at %1; Update target moves the rule there</source>
        <translation>Tras minikube stop/start, el servicio responde en %1; Actualizar destino lleva la regla allí</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connections are passed on to %1</source>
        <translation>Las conexiones se reenvían a %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections are passed on to the first of %1 that takes them</source>
        <translation>Las conexiones pasan al primero de %1 que las acepte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, follows the cluster</source>
        <translation>%1, sigue al clúster</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>%n connection(s) could not reach the target</source>
        <translation>
            <numerusform>%n conexión no pudo llegar al destino</numerusform>
            <numerusform>%n conexiones no pudieron llegar al destino</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused: not on the allow-list, or over the connection limit</source>
        <translation>Rechazadas: no están en la lista de permitidos o superan el límite de conexiones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 bytes from clients to the target</source>
        <translation>%1 bytes de los clientes al destino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 bytes from the target back to clients</source>
        <translation>%1 bytes del destino de vuelta a los clientes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In (client → target): %1
Out (target → client): %2</source>
        <translation>Entrada (cliente → destino): %1
Salida (destino → cliente): %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>On</source>
        <translation>Activada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listen</source>
        <translation>Escucha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>Destino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Activas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>Rechazadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out</source>
        <translation>Salida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate</source>
        <translation>Velocidad</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Whether the rule is running; untick to stop it</source>
        <translation>Si la regla está en marcha; desmarca la casilla para detenerla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The address and port this PC listens on; a warning marks addresses other machines can reach</source>
        <translation>La dirección y el puerto en los que escucha este equipo; un aviso marca las direcciones a las que pueden llegar otras máquinas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where connections are passed on to</source>
        <translation>Adónde se reenvían las conexiones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whether the rule is listening, and why not if it failed</source>
        <translation>Si la regla está escuchando y, si falló, por qué no</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections open now</source>
        <translation>Conexiones abiertas ahora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections accepted since the rule started</source>
        <translation>Conexiones aceptadas desde que se inició la regla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections turned away by the allow-list or the connection limit</source>
        <translation>Conexiones rechazadas por la lista de permitidos o por el límite de conexiones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes received from clients and sent on to the target (client → target)</source>
        <translation>Bytes recibidos de los clientes y reenviados al destino (cliente → destino)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes received from the target and sent back to clients (target → client)</source>
        <translation>Bytes recibidos del destino y devueltos a los clientes (destino → cliente)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current speed, both directions together</source>
        <translation>Velocidad actual, sumando ambos sentidos</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <location filename="../app/core/rules/address.cpp" line="+41"/>
        <source>&quot;%1&quot; is not a valid port: use a number 1-65535</source>
        <translation>&quot;%1&quot; no es un puerto válido: usa un número entre 1 y 65535</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>port %1 is out of range (1-65535)</source>
        <translation>el puerto %1 está fuera de rango (1-65535)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&quot;%1&quot; is not a valid IP address: write IPv4 as four numbers 0-255 separated by dots, without leading zeros (e.g. 192.168.1.10)</source>
        <translation>&quot;%1&quot; no es una dirección IP válida: escribe IPv4 como cuatro números de 0 a 255 separados por puntos, sin ceros a la izquierda (p. ej. 192.168.1.10)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;%1&quot; is not a valid IPv6 address; brackets are only for IPv6</source>
        <translation>&quot;%1&quot; no es una dirección IPv6 válida; los corchetes son solo para IPv6</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&quot;%1&quot; is missing the closing &quot;]&quot;: use [IPV6]:PORT, e.g. [::1]:8080</source>
        <translation>a &quot;%1&quot; le falta el &quot;]&quot; de cierre: usa [IPV6]:PUERTO, p. ej. [::1]:8080</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; has no port: use [IPV6]:PORT, e.g. [::1]:8080</source>
        <translation>&quot;%1&quot; no tiene puerto: usa [IPV6]:PUERTO, p. ej. [::1]:8080</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; has text after &quot;]&quot; that is not &quot;:PORT&quot;: use [IPV6]:PORT, e.g. [::1]:8080</source>
        <translation>&quot;%1&quot; tiene texto tras &quot;]&quot; que no es &quot;:PUERTO&quot;: usa [IPV6]:PUERTO, p. ej. [::1]:8080</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; has no port: use %2</source>
        <translation>&quot;%1&quot; no tiene puerto: usa %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; looks like an IPv6 address without brackets: write it as [IPV6]:PORT, e.g. [::1]:8080</source>
        <translation>&quot;%1&quot; parece una dirección IPv6 sin corchetes: escríbela como [IPV6]:PUERTO, p. ej. [::1]:8080</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; has no host: use %2</source>
        <translation>&quot;%1&quot; no tiene host: usa %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the IP address is empty</source>
        <translation>la dirección IP está vacía</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a valid IP address</source>
        <translation>&quot;%1&quot; no es una dirección IP válida</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot;: the part after % must be a network interface such as eth0 (at most 15 characters)</source>
        <translation>&quot;%1&quot;: lo que sigue a % debe ser una interfaz de red como eth0 (15 caracteres como mucho)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the target is empty: use HOST:PORT, e.g. 192.168.49.2:80</source>
        <translation>el destino está vacío: usa HOST:PUERTO, p. ej. 192.168.49.2:80</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HOST:PORT, e.g. 192.168.49.2:80</source>
        <translation>HOST:PUERTO, p. ej. 192.168.49.2:80</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;%1&quot; is not a valid host name or IP address: use letters, digits, &apos;-&apos; and &apos;.&apos; (e.g. minikube.local) or an IP address</source>
        <translation>&quot;%1&quot; no es un nombre de host ni una dirección IP válidos: usa letras, dígitos, &apos;-&apos; y &apos;.&apos; (p. ej. minikube.local) o una dirección IP</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the listen address is empty: use PORT, ADDRESS:PORT or [IPV6]:PORT, e.g. 0.0.0.0:8080</source>
        <translation>la dirección de escucha está vacía: usa PUERTO, DIRECCIÓN:PUERTO o [IPV6]:PUERTO, p. ej. 0.0.0.0:8080</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; has no port: use ADDRESS:PORT, e.g. %1:8080</source>
        <translation>&quot;%1&quot; no tiene puerto: usa DIRECCIÓN:PUERTO, p. ej. %1:8080</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ADDRESS:PORT, e.g. 0.0.0.0:8080</source>
        <translation>DIRECCIÓN:PUERTO, p. ej. 0.0.0.0:8080</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; is not an IP address: listen on an address of this machine such as 127.0.0.1, or 0.0.0.0 for all</source>
        <translation>&quot;%1&quot; no es una dirección IP: escucha en una dirección de esta máquina como 127.0.0.1, o en 0.0.0.0 para todas</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>the network is empty: use ADDRESS/PREFIX, e.g. 192.168.1.0/24</source>
        <translation>la red está vacía: usa DIRECCIÓN/PREFIJO, p. ej. 192.168.1.0/24</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&quot;%1&quot;: prefix length must be 0-32 for IPv4</source>
        <translation>&quot;%1&quot;: la longitud del prefijo debe ser de 0 a 32 para IPv4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot;: prefix length must be 0-128 for IPv6</source>
        <translation>&quot;%1&quot;: la longitud del prefijo debe ser de 0 a 128 para IPv6</translation>
    </message>
    <message>
        <location filename="../app/core/rules/forwardrule.cpp" line="+33"/>
        <location filename="../ui/rules/ruleeditordialog.cpp" line="-39"/>
        <source>field &quot;%1&quot;: %2</source>
        <translation>campo &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+44"/>
        <source>expected %1, got %2</source>
        <translation>se esperaba %1, se encontró %2</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>%1 is out of range (%2-%3)</source>
        <translation>%1 está fuera de rango (%2-%3)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>a whole number</source>
        <translation>un número entero</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected a whole number, got %1</source>
        <translation>se esperaba un número entero, se encontró %1</translation>
    </message>
    <message>
        <location line="+116"/>
        <location line="+69"/>
        <location line="+7"/>
        <location line="+7"/>
        <source>true or false</source>
        <translation>true o false</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <location line="-83"/>
        <location line="+48"/>
        <location line="+36"/>
        <location line="+21"/>
        <source>a string</source>
        <translation>una cadena</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>a port number (0-65535)</source>
        <translation>un número de puerto (0-65535)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>an object of label names and values</source>
        <translation>un objeto de nombres y valores de etiquetas</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+113"/>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>field &quot;%1&quot; is missing: every rule needs &quot;name&quot;, &quot;listen&quot; and &quot;target&quot;</source>
        <translation>falta el campo &quot;%1&quot;: toda regla necesita &quot;name&quot;, &quot;listen&quot; y &quot;target&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a string or a list of strings</source>
        <translation>una cadena o una lista de cadenas</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the list is empty: give at least one HOST:PORT</source>
        <translation>la lista está vacía: da al menos un HOST:PUERTO</translation>
    </message>
    <message>
        <location filename="../app/core/rules/fault.cpp" line="+120"/>
        <source>&quot;%1&quot;: expected %2</source>
        <translation>&quot;%1&quot;: se esperaba %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 %2 is out of range (%3-%4)</source>
        <translation>%1 %2 está fuera de rango (%3-%4)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>toxicity %1 is out of range (0-1)</source>
        <translation>toxicity %1 está fuera de rango (0-1)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>expected an object such as {&quot;type&quot;: &quot;latency&quot;, &quot;latencyMs&quot;: 200}, got %1</source>
        <translation>se esperaba un objeto como {&quot;type&quot;: &quot;latency&quot;, &quot;latencyMs&quot;: 200}, se encontró %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;type&quot;: expected latency, bandwidth, reset, timeout, slicer or refuse, got %1</source>
        <translation>&quot;type&quot;: se esperaba latency, bandwidth, reset, timeout, slicer o refuse, se encontró %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;direction&quot;: expected &quot;down&quot;, &quot;up&quot; or &quot;both&quot;</source>
        <translation>&quot;direction&quot;: se esperaba &quot;down&quot;, &quot;up&quot; o &quot;both&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot;: expected a number, got %2</source>
        <translation>&quot;%1&quot;: se esperaba un número, se encontró %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot;: expected a whole number, got %2</source>
        <translation>&quot;%1&quot;: se esperaba un número entero, se encontró %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&quot;%1&quot; is not a key of a fault</source>
        <translation>&quot;%1&quot; no es una clave de un fallo</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>no fault: use e.g. latency=200ms,jitter=50ms</source>
        <translation>ningún fallo: usa p. ej. latency=200ms,jitter=50ms</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a duration such as 200ms or 2s</source>
        <translation>una duración como 200ms o 2s</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a rate in KiB/s such as 512 or 2MiB/s</source>
        <translation>una velocidad en KiB/s como 512 o 2MiB/s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a size such as 4096 or 4KiB, or a time such as 300ms</source>
        <translation>un tamaño como 4096 o 4KiB, o un tiempo como 300ms</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a duration such as 5s, or nothing to hold until cleared</source>
        <translation>una duración como 5s, o nada para retener hasta que se borre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a size in bytes such as 64</source>
        <translation>un tamaño en bytes como 64</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a share such as 0.3 or 30%</source>
        <translation>una proporción como 0.3 o 30%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot;: expected latency=, bandwidth=, reset=, timeout, slice= or refuse</source>
        <translation>&quot;%1&quot;: se esperaba latency=, bandwidth=, reset=, timeout, slice= o refuse</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>up, down or both</source>
        <translation>up, down o both</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a share such as 0.5 or 50%</source>
        <translation>una proporción como 0.5 o 50%</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a duration such as 50ms</source>
        <translation>una duración como 50ms</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a duration such as 10ms</source>
        <translation>una duración como 10ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; does not go with %2</source>
        <translation>&quot;%1&quot; no va con %2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>expected a list of faults, got %1</source>
        <translation>se esperaba una lista de fallos, se encontró %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../app/core/rules/forwardrule.cpp" line="+189"/>
        <source>%1 faults: use at most %2</source>
        <translation>%1 fallos: usa como mucho %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../app/core/rules/forwardrule.cpp" line="-182"/>
        <source>item %1: %2</source>
        <translation>elemento %1: %2</translation>
    </message>
    <message>
        <location filename="../app/core/rules/forwardrule.cpp" line="+5"/>
        <source>expected a string, got %1</source>
        <translation>se esperaba una cadena, se encontró %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>expected &quot;tcp&quot; or &quot;udp&quot;, got %1</source>
        <translation>se esperaba &quot;tcp&quot; o &quot;udp&quot;, se encontró %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>a list of networks such as [&quot;192.168.1.0/24&quot;]</source>
        <translation>una lista de redes como [&quot;192.168.1.0/24&quot;]</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>item %1: expected a string, got %2</source>
        <translation>elemento %1: se esperaba una cadena, se encontró %2</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>the name is empty: give the rule a name</source>
        <translation>el nombre está vacío: ponle un nombre a la regla</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the name is %1 characters long: use at most %2</source>
        <translation>el nombre tiene %1 caracteres: usa %2 como mucho</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>field &quot;target&quot; is missing: use HOST:PORT, e.g. 192.168.49.2:80</source>
        <translation>falta el campo &quot;target&quot;: usa HOST:PUERTO, p. ej. 192.168.49.2:80</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 targets: use at most %2</source>
        <translation>%1 destinos: usa como mucho %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is listed twice</source>
        <translation>%1 aparece dos veces</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>faults are for TCP rules only</source>
        <translation>los fallos son solo para reglas TCP</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>no target: use HOST:PORT, e.g. 192.168.49.2:80; several, separated by commas, are tried in order</source>
        <translation>sin destino: usa HOST:PUERTO, p. ej. 192.168.49.2:80; varios, separados por comas, se prueban en orden</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>rule %1: %2</source>
        <translation>regla %1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>rules %1 and %2 have the same name: rename one</source>
        <translation>las reglas %1 y %2 tienen el mismo nombre: cambia el nombre de una</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>rules %1 and %2 both listen on %3; disable one or change its port</source>
        <translation>las reglas %1 y %2 escuchan ambas en %3; desactiva una o cambia su puerto</translation>
    </message>
    <message>
        <location filename="../app/core/rules/rulestore.cpp" line="+30"/>
        <source>line %1, column %2</source>
        <translation>línea %1, columna %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>cannot read the file: %1</source>
        <translation>no se puede leer el archivo: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the file is empty: delete it, or write {&quot;version&quot;: 1, &quot;rules&quot;: []} into it</source>
        <translation>el archivo está vacío: bórralo o escribe en él {&quot;version&quot;: 1, &quot;rules&quot;: []}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not valid JSON at %1: %2</source>
        <translation>JSON no válido en %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected a JSON object like {&quot;version&quot;: 1, &quot;rules&quot;: [...]}, got a list</source>
        <translation>se esperaba un objeto JSON como {&quot;version&quot;: 1, &quot;rules&quot;: [...]}, se encontró una lista</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;version&quot; must be a number, got %1</source>
        <translation>&quot;version&quot; debe ser un número, se encontró %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>version %1 is newer than this Pasarela understands (%2): update Pasarela, or edit the file to the older format</source>
        <translation>la versión %1 es más reciente de lo que entiende esta Pasarela (%2): actualiza Pasarela o pasa el archivo al formato anterior</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>version %1 is not a rules file version (expected %2)</source>
        <translation>la versión %1 no es una versión de archivo de reglas (se esperaba %2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;maxConnections&quot; (connections open at once across all rules) must be a whole number from 1 to %1, got %2; remove it for the default</source>
        <translation>&quot;maxConnections&quot; (conexiones abiertas a la vez entre todas las reglas) debe ser un número entero de 1 a %1, se encontró %2; quítalo para usar el predeterminado</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;rules&quot; must be a list of rule objects, got %1</source>
        <translation>&quot;rules&quot; debe ser una lista de objetos de regla, se encontró %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>rule %1</source>
        <translation>regla %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: expected a rule object {...}, got %2</source>
        <translation>%1: se esperaba un objeto de regla {...}, se encontró %2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1: the file is broken and was left as it is: fix it in a text editor and load it again, or replace it (the broken file is then kept as a backup)</source>
        <translation>%1: el archivo está dañado y se ha dejado como estaba: corrígelo en un editor de texto y vuelve a cargarlo, o reemplázalo (el archivo dañado se conserva entonces como copia de seguridad)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+21"/>
        <source>%1: not saved: %2</source>
        <translation>%1: no se guardó: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: cannot move the broken file aside to %2: check the folder&apos;s permissions</source>
        <translation>%1: no se puede apartar el archivo dañado a %2: comprueba los permisos de la carpeta</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 (the old file is kept at %2)</source>
        <translation>%1 (el archivo anterior se conserva en %2)</translation>
    </message>
</context>
<context>
    <name>RulesPanel</name>
    <message>
        <location filename="../ui/rules/rulespanel.cpp" line="+74"/>
        <source>&amp;nginx stream configuration…</source>
        <translation>Configuración stream de &amp;nginx…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ingress-nginx &amp;tcp-services ConfigMap…</source>
        <translation>ConfigMap &amp;tcp-services de ingress-nginx…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kubernetes &amp;Service manifest…</source>
        <translation>Manifiesto de &amp;Service de Kubernetes…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>s&amp;ocat command lines…</source>
        <translation>Líneas de comandos de s&amp;ocat…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>s&amp;ystemd unit…</source>
        <translation>Unidad de s&amp;ystemd…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Rules file problem</source>
        <translation>Problema con el archivo de reglas</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Forwarding rules</source>
        <translation>Reglas de reenvío</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double-click a rule to edit it, or the empty area to add one</source>
        <translation>Haz doble clic en una regla para editarla, o en el área vacía para añadir una</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Add rule…</source>
        <translation>Añadir re&amp;gla…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a forwarding rule</source>
        <translation>Añadir una regla de reenvío</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the selected rule</source>
        <translation>Editar la regla seleccionada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplicar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selected rule (the copy starts stopped)</source>
        <translation>Copiar la regla seleccionada (la copia empieza detenida)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove</source>
        <translation>E&amp;liminar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected rule</source>
        <translation>Eliminar la regla seleccionada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start listening on the selected rule</source>
        <translation>Empezar a escuchar en la regla seleccionada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;top</source>
        <translation>De&amp;tener</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the selected rule and close its connections</source>
        <translation>Detener la regla seleccionada y cerrar sus conexiones</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;hare…</source>
        <translation>Co&amp;mpartir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the URL and QR code other machines use to reach the selected rule</source>
        <translation>Muestra la URL y el código QR que usan otras máquinas para llegar a la regla seleccionada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear &amp;faults</source>
        <translation>Borrar &amp;fallos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take the faults off the selected rule; open connections go on without them</source>
        <translation>Quitar los fallos de la regla seleccionada; las conexiones abiertas siguen sin ellos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear faults of a&amp;ll rules</source>
        <translation>Borrar los fallos de t&amp;odas las reglas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the faults off every rule that has some</source>
        <translation>Quitar los fallos de todas las reglas que tengan alguno</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Up&amp;date target</source>
        <translation>&amp;Actualizar destino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point the selected rule at where its cluster service answers now</source>
        <translation>Apuntar la regla seleccionada adonde responde ahora su servicio del clúster</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Check cluster targets</source>
        <translation>&amp;Comprobar destinos del clúster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the cluster again: rules that follow it move, the others are marked</source>
        <translation>Vuelve a leer el clúster: las reglas que lo siguen se mueven, las demás se marcan</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot read the cluster &quot;%1&quot;: %2. Its rules keep their targets.</source>
        <translation>No se puede leer el clúster &quot;%1&quot;: %2. Sus reglas mantienen sus destinos.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The cluster &quot;%1&quot; can be read again</source>
        <translation>El clúster &quot;%1&quot; se puede volver a leer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export rules</source>
        <translation>Exportar reglas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the selected rule, or all rules when none is selected, as %1</source>
        <translation>Guardar la regla seleccionada, o todas si no hay ninguna seleccionada, como %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>&lt;b&gt;No forwarding rules yet.&lt;/b&gt; Add a rule from a port of this PC to your cluster&apos;s ingress (&lt;code&gt;minikube ip&lt;/code&gt;, port 80), or try the demo: a built-in ingress and a rule on 127.0.0.1:%1 to it, with a request ready in the HTTP client.</source>
        <translation>&lt;b&gt;Aún no hay reglas de reenvío.&lt;/b&gt; Añade una regla desde un puerto de este equipo hasta el ingress de tu clúster (&lt;code&gt;minikube ip&lt;/code&gt;, puerto 80), o prueba la demo: un ingress integrado y una regla en 127.0.0.1:%1 hacia él, con una petición lista en el cliente HTTP.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Try the &amp;demo</source>
        <translation>Probar la &amp;demo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the demo ingress and its rule; nothing is saved</source>
        <translation>Iniciar el ingress de la demo y su regla; no se guarda nada</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close, and do not offer the demo again (it stays in the Help menu)</source>
        <translation>Cerrar y no volver a ofrecer la demo (sigue en el menú Ayuda)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the welcome message</source>
        <translation>Cerrar el mensaje de bienvenida</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>rule %1</source>
        <translation>regla %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add rule</source>
        <translation>Añadir regla</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edit rule</source>
        <translation>Editar regla</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&quot;%1&quot; has 1 open connection. Remove the rule and close it?</source>
        <translation>&quot;%1&quot; tiene 1 conexión abierta. ¿Eliminar la regla y cerrar la conexión?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot; has %2 open connections. Remove the rule and close them?</source>
        <translation>&quot;%1&quot; tiene %2 conexiones abiertas. ¿Eliminar la regla y cerrarlas?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove rule</source>
        <translation>Eliminar regla</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>%1. Choose another folder or file name.</source>
        <translation>%1. Elige otra carpeta u otro nombre de archivo.</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <location filename="../app/cli/runcommand.cpp" line="+45"/>
        <source>%1: no such file, and the window has saved no collection; give a collection file</source>
        <translation>%1: no existe ese archivo y la ventana no ha guardado ninguna colección; indica un archivo de colección</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: no such file, and no collection of that name saved by the window (it has: %2)</source>
        <translation>%1: no existe ese archivo ni ninguna colección con ese nombre guardada por la ventana (tiene: %2)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--env %1: the collection has no environments; define them in its &quot;environments&quot; or in %2</source>
        <translation>--env %1: la colección no tiene entornos; defínelos en su &quot;environments&quot; o en %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--env %1: no such environment; there are: %2</source>
        <translation>--env %1: no existe ese entorno; hay: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--through %1: the rules file %2 does not exist; give it with --config FILE</source>
        <translation>--through %1: el archivo de reglas %2 no existe; indícalo con --config ARCHIVO</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--through %1: no rule of that name in %2 (it has: %3)</source>
        <translation>--through %1: no hay ninguna regla con ese nombre en %2 (tiene: %3)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--through %1: a UDP rule carries no HTTP; choose a TCP rule</source>
        <translation>--through %1: una regla UDP no lleva HTTP; elige una regla TCP</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>rule &quot;%1&quot; is stopped in %2: the requests reach %3 only if it runs elsewhere</source>
        <translation>la regla &quot;%1&quot; está detenida en %2: las peticiones solo llegan a %3 si se ejecuta en otro sitio</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Runs the requests of a collection in order and checks each response against the request&apos;s
assertions: a line per request, then the totals. COLLECTION is a collection file (JSON, kept
beside your code) or the name of a collection the window saved. {{name}} in a URL, a header or
a body takes its value from the environment chosen with --env (the collection&apos;s &quot;environments&quot;
and pasarela-environments.json beside it), from PASARELA_VAR_name, or, as {{$env.NAME}}, from
the environment variable NAME: keep secrets there, out of git.</source>
        <translation>Ejecuta en orden las peticiones de una colección y comprueba cada respuesta con las aserciones
de su petición: una línea por petición y luego los totales. COLLECTION es un archivo de colección
(JSON, guardado junto a tu código) o el nombre de una colección que guardó la ventana. {{nombre}}
en una URL, una cabecera o un cuerpo toma su valor del entorno elegido con --env (el &quot;environments&quot;
de la colección y el pasarela-environments.json que tenga al lado), de PASARELA_VAR_nombre o, como
{{$env.NOMBRE}}, de la variable de entorno NOMBRE: guarda ahí los secretos, fuera de git.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Take {{variables}} from the environment NAME.</source>
        <translation>Toma las {{variables}} del entorno NOMBRE.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NAME</source>
        <translation>NOMBRE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also write the results as JUnit XML to FILE (atomically), for a CI system.</source>
        <translation>Escribe además los resultados como XML de JUnit en ARCHIVO (de forma atómica), para un sistema de CI.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+10"/>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Send each request to the listen address of the forwarding rule RULE (of the rules file), keeping its Host, as an outside client would come in.</source>
        <translation>Envía cada petición a la dirección de escucha de la regla de reenvío REGLA (del archivo de reglas), conservando su Host, como entraría un cliente externo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>RULE</source>
        <translation>REGLA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The rules file for --through (default %1).</source>
        <translation>El archivo de reglas para --through (predeterminado %1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show this help.</source>
        <translation>Muestra esta ayuda.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A collection file, or a saved collection&apos;s name.</source>
        <translation>Un archivo de colección, o el nombre de una colección guardada.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (see pasarela run --help)</source>
        <translation>%1 (consulta pasarela run --help)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Usage: pasarela run [options] COLLECTION</source>
        <translation>Uso: pasarela run [opciones] COLLECTION</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exit codes:
  0  every request got a response and passed its assertions
  1  a request failed: an assertion, or no response
  2  bad arguments; a collection, environments or rules file that cannot be
     read; an unknown environment or rule; a {{variable}} without a value
</source>
        <translation>Códigos de salida:
  0  todas las peticiones recibieron respuesta y pasaron sus aserciones
  1  falló una petición: una aserción, o sin respuesta
  2  argumentos incorrectos; un archivo de colección, de entornos o de reglas que no
     se puede leer; un entorno o una regla desconocidos; una {{variable}} sin valor
</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a collection is needed (see pasarela run --help)</source>
        <translation>hace falta una colección (consulta pasarela run --help)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one collection only, got &quot;%1&quot; and &quot;%2&quot;</source>
        <translation>solo una colección; se recibieron &quot;%1&quot; y &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--config is the rules file for --through; give --through RULE too</source>
        <translation>--config es el archivo de reglas para --through; indica también --through REGLA</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1: the collection has no requests</source>
        <translation>%1: la colección no tiene peticiones</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>choose an environment with --env NAME: %1</source>
        <translation>elige un entorno con --env NOMBRE: %1</translation>
    </message>
    <message>
        <location filename="../app/core/http/collectionrunner.cpp" line="+28"/>
        <source>not sent: %1</source>
        <translation>no se envió: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no response: %1</source>
        <translation>sin respuesta: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>request %1: %2</source>
        <translation>petición %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>request %1 (&quot;%2&quot;): %3</source>
        <translation>petición %1 (&quot;%2&quot;): %3</translation>
    </message>
    <message>
        <location filename="../app/core/http/junitreport.cpp" line="+81"/>
        <source>status %1, %2 ms</source>
        <translation>estado %1, %2 ms</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>not run: the run was canceled</source>
        <translation>sin ejecutar: se canceló la ejecución</translation>
    </message>
</context>
<context>
    <name>SaveRequestDialog</name>
    <message>
        <location filename="../ui/http/saverequestdialog.cpp" line="+19"/>
        <source>Save to collection</source>
        <translation>Guardar en colección</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Collection</source>
        <translation>Colección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A collection of the Collections tab, or a new name to start one</source>
        <translation>Una colección de la pestaña Colecciones, o un nombre nuevo para empezar una</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request name</source>
        <translation>Nombre de la petición</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list items</source>
        <translation>listar elementos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What Collections and pasarela run call the request; may stay empty</source>
        <translation>Cómo llaman a la petición Colecciones y pasarela run; puede quedar vacío</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What saving does</source>
        <translation>Qué hace guardar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the request, its headers, body, options and assertions in the collection</source>
        <translation>Guardar la petición, sus cabeceras, cuerpo, opciones y aserciones en la colección</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep nothing</source>
        <translation>No guardar nada</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Co&amp;llection:</source>
        <translation>Co&amp;lección:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Name the collection to keep the request in.</source>
        <translation>Indica el nombre de la colección en la que guardar la petición.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replaces the request loaded from &quot;%1&quot;.</source>
        <translation>Reemplaza la petición cargada de &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adds the request at the end of &quot;%1&quot;.</source>
        <translation>Añade la petición al final de &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starts the collection &quot;%1&quot; with this request.</source>
        <translation>Empieza la colección &quot;%1&quot; con esta petición.</translation>
    </message>
</context>
<context>
    <name>Share</name>
    <message>
        <location filename="../app/core/share/qrcode.cpp" line="+19"/>
        <source>the text is too long for a QR code (%1 bytes)</source>
        <translation>el texto es demasiado largo para un código QR (%1 bytes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the QR code could not be made (%1)</source>
        <translation>no se pudo crear el código QR (%1)</translation>
    </message>
    <message>
        <location filename="../app/core/share/shareinfo.cpp" line="+89"/>
        <source>The listen address is not valid (%1): edit the rule.</source>
        <translation>La dirección de escucha no es válida (%1): edita la regla.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The rule is stopped: start it, or nobody can connect.</source>
        <translation>La regla está parada: iníciala, o nadie podrá conectarse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Listens on %1 only: no other machine can reach it; edit the rule to listen on 0.0.0.0 or a LAN address.</source>
        <translation>Escucha solo en %1: ninguna otra máquina puede llegar; edita la regla para que escuche en 0.0.0.0 o en una dirección de la LAN.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>This PC has no IPv4 address other machines can reach: connect it to a network.</source>
        <translation>Este PC no tiene ninguna dirección IPv4 a la que lleguen otras máquinas: conéctalo a una red.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This PC has no global IPv6 address other machines can reach: connect it to an IPv6 network or listen on 0.0.0.0.</source>
        <translation>Este PC no tiene ninguna dirección IPv6 global a la que lleguen otras máquinas: conéctalo a una red IPv6 o escucha en 0.0.0.0.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Anyone on every network this PC joins can reach it; add an allow-list (e.g. %1).</source>
        <translation>Cualquiera en cualquier red a la que se conecte este PC puede llegar; añade una lista de permitidos (p. ej. %1).</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <location filename="../ui/rules/sharedialog.cpp" line="+49"/>
        <source>Share %1</source>
        <translation>Compartir %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Ingress hosts</source>
        <translation>Hosts de Ingress</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Another machine opens one of these; a phone can scan the code.</source>
        <translation>Otra máquina abre una de estas; un móvil puede escanear el código.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the URL</source>
        <translation>la URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address:</source>
        <translation>Dirección:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the address</source>
        <translation>la dirección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try it:</source>
        <translation>Pruébalo:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the command</source>
        <translation>la orden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>QR code of %1</source>
        <translation>Código QR de %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scan with a phone&apos;s camera to open %1</source>
        <translation>Escanéalo con la cámara de un móvil para abrir %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+5"/>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Copy %1 to the clipboard</source>
        <translation>Copia %1 al portapapeles</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Reading the Ingress hosts…</source>
        <translation>Leyendo los hosts de Ingress…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The Ingress hosts could not be read: %1</source>
        <translation>No se pudieron leer los hosts de Ingress: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No Ingress names a host: the URLs above reach the Ingress rules without one.</source>
        <translation>Ningún Ingress nombra un host: las URL de arriba llegan a las reglas de Ingress sin host.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hosts file:</source>
        <translation>Archivo hosts:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the hosts-file line</source>
        <translation>la línea del archivo hosts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For the other machine&apos;s hosts file (/etc/hosts; on Windows C:\Windows\System32\drivers\etc\hosts): then its browser reaches the Ingress hosts through this PC</source>
        <translation>Para el archivo hosts de la otra máquina (/etc/hosts; en Windows C:\Windows\System32\drivers\etc\hosts): así su navegador llega a los hosts de Ingress a través de este PC</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>curl:</source>
        <translation>curl:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the curl command</source>
        <translation>la orden curl</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The ingress routes on the host name: put the hosts-file line on the other machine, or try it with curl --resolve, which needs no hosts file.</source>
        <translation>El ingress enruta por el nombre de host: pon la línea del archivo hosts en la otra máquina, o pruébalo con curl --resolve, que no necesita archivo hosts.</translation>
    </message>
</context>
<context>
    <name>ThroughRuleButton</name>
    <message>
        <location filename="../ui/http/throughrulebutton.cpp" line="+9"/>
        <location line="+6"/>
        <source>Through rule</source>
        <translation>Vía regla</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Send through a forwarding rule: takes the host and port of its listen address, keeps the path, so the request goes in as an outside client&apos;s would</source>
        <translation>Enviar a través de una regla de reenvío: toma el host y el puerto de su dirección de escucha y conserva la ruta, para que la petición entre como la de un cliente externo</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 (%2 → %3)</source>
        <translation>%1 (%2 → %3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send to %1</source>
        <translation>Enviar a %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send to %1 (the rule is stopped: start it first)</source>
        <translation>Enviar a %1 (la regla está detenida: iníciala antes)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No forwarding rules yet: add one above</source>
        <translation>Aún no hay reglas de reenvío: añade una arriba</translation>
    </message>
</context>
<context>
    <name>ThroughputPanel</name>
    <message>
        <location filename="../ui/charts/throughputpanel.cpp" line="+113"/>
        <source>Charted rule</source>
        <translation>Regla del gráfico</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last 1 minute</source>
        <translation>Último minuto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 5 minutes</source>
        <translation>Últimos 5 minutos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 15 minutes</source>
        <translation>Últimos 15 minutos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How far back the charts reach</source>
        <translation>Cuánto tiempo atrás abarcan los gráficos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time window</source>
        <translation>Intervalo de tiempo</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>In (client → target)</source>
        <translation>Entrada (cliente → destino)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out (target → client)</source>
        <translation>Salida (destino → cliente)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Throughput chart</source>
        <translation>Gráfico de caudal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes per second, sampled every second</source>
        <translation>Bytes por segundo, muestreados cada segundo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Active</source>
        <translation>Activas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active connections</source>
        <translation>Conexiones activas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Active connections chart</source>
        <translation>Gráfico de conexiones activas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections open, sampled every second</source>
        <translation>Conexiones abiertas, muestreadas cada segundo</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Rate (%1)</source>
        <translation>Velocidad (%1)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>All rules</source>
        <translation>Todas las reglas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rule %1</source>
        <translation>Regla %1</translation>
    </message>
</context>
<context>
    <name>TrayControl</name>
    <message>
        <location filename="../ui/traycontrol.cpp" line="+14"/>
        <location line="+5"/>
        <source>Show Pasarela</source>
        <translation>Mostrar Pasarela</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hide Pasarela</source>
        <translation>Ocultar Pasarela</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Pasarela: %1 of %2 rules listening, %3 connections</source>
        <translation>Pasarela: %1 de %2 reglas escuchando, %3 conexiones</translation>
    </message>
</context>
<context>
    <name>VariablesModel</name>
    <message>
        <location filename="../ui/http/variablesmodel.cpp" line="+35"/>
        <source>the variable has a value but no name</source>
        <translation>la variable tiene un valor pero no un nombre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is not a valid name: use letters, digits and _ . - (not . or - first)</source>
        <translation>&quot;%1&quot; no es un nombre válido: usa letras, dígitos y _ . - (sin . ni - al principio)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is defined twice</source>
        <translation>&quot;%1&quot; está definida dos veces</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>from %1</source>
        <translation>de %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>A secret: kept only while Pasarela runs, never written to disk; %1 set before Pasarela starts gives it a value</source>
        <translation>Un secreto: solo se conserva mientras Pasarela está en marcha, nunca se escribe en disco; %1, definida antes de iniciar Pasarela, le da un valor</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Used as {{%1}} in the URL, the headers and the body</source>
        <translation>Se usa como {{%1}} en la URL, las cabeceras y el cuerpo</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Secret</source>
        <translation>Secreto</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A request uses it as {{name}}: letters, digits and _ . -</source>
        <translation>Una petición la usa como {{nombre}}: letras, dígitos y _ . -</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What {{name}} is replaced with when the request is sent</source>
        <translation>Con qué se sustituye {{nombre}} al enviar la petición</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tick for a password or token: its value is masked here and never written to disk</source>
        <translation>Márcala para una contraseña o un token: su valor se oculta aquí y nunca se escribe en disco</translation>
    </message>
</context>
</TS>
