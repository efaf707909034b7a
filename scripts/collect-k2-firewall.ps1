<#
.SYNOPSIS
    Collects this host's effective Windows Firewall policy for k2audit, as one UTF-8 JSON file.

.DESCRIPTION
    Read-only. Reads the ACTIVE policy store (local rules merged with Group Policy rules, as enforced), joins every
    rule with its port, address, application, service, interface-type, interface and security filters by InstanceID
    (one Get-NetFirewall*Filter call per filter type, indexed in hash tables; no slow per-rule filter calls), writes
    enums as strings (Enabled "True", Direction "Inbound", Action "Allow", Profile "Domain, Private"), and adds the
    profile settings (Get-NetFirewallProfile) plus a small header (host, time, PowerShell version, store).

    Output shape (k2audit's ps-json parser reads it):
      { "k2audit": { header }, "profiles": [ { Name, Enabled, DefaultInboundAction, ... } ],
        "rules": [ { Name, DisplayName, Enabled, Direction, Action, Profile, Protocol, LocalPort: [..], ... } ] }

.PARAMETER OutFile
    Output path. Default: k2-firewall-<COMPUTERNAME>.json in the current directory.

.PARAMETER PolicyStore
    Store to read. ActiveStore (default) is the effective policy. RSOP = Group Policy rules only;
    PersistentStore = local rules only (k2audit warns when the export is not the ActiveStore).

.EXAMPLE
    powershell -NoProfile -ExecutionPolicy Bypass -File collect-k2-firewall.ps1
    Then, on any machine with k2audit: k2audit compare k2-firewall-<host>.json --profile farm

.NOTES
    Windows PowerShell 5.1 or PowerShell 7+, NetSecurity module (Windows 8 / Server 2012 and later).
    Run from an elevated prompt: a non-elevated session may not see every store.
#>
[CmdletBinding()]
param(
    [string]$OutFile = "k2-firewall-$env:COMPUTERNAME.json",
    [ValidateSet('ActiveStore', 'RSOP', 'PersistentStore')]
    [string]$PolicyStore = 'ActiveStore'
)

$ErrorActionPreference = 'Stop'

# Windows PowerShell 5.1 serializes arrays as {"value":[...],"Count":n} because of the System.Array type data.
if ($PSVersionTable.PSVersion.Major -lt 6) {
    Remove-TypeData -TypeName System.Array -ErrorAction SilentlyContinue
}

# An array of strings, never $null and never unrolled to a scalar (so one port still serializes as ["80"]).
function ConvertTo-StringList {
    param($Value)
    if ($null -eq $Value) { return , ([string[]]@()) }
    return , ([string[]]@(@($Value) | ForEach-Object { [string]$_ }))
}

# A string, or $null for a missing object/property.
function Get-Text {
    param($Object, [string]$Property)
    if ($null -eq $Object) { return $null }
    $value = $Object.$Property
    if ($null -eq $value) { return $null }
    return [string]$value
}

# InstanceID -> filter object, for one filter cmdlet over the whole store.
function Get-FilterIndex {
    param([scriptblock]$Query)
    $index = @{}
    foreach ($filter in @(& $Query)) {
        if ($null -ne $filter.InstanceID -and -not $index.ContainsKey($filter.InstanceID)) {
            $index[$filter.InstanceID] = $filter
        }
    }
    return $index
}

$store = @{ PolicyStore = $PolicyStore }
$rules = @(Get-NetFirewallRule @store)
$ports = Get-FilterIndex { Get-NetFirewallPortFilter @store }
$addresses = Get-FilterIndex { Get-NetFirewallAddressFilter @store }
$applications = Get-FilterIndex { Get-NetFirewallApplicationFilter @store }
$services = Get-FilterIndex { Get-NetFirewallServiceFilter @store }
$interfaceTypes = Get-FilterIndex { Get-NetFirewallInterfaceTypeFilter @store }
$interfaces = Get-FilterIndex { Get-NetFirewallInterfaceFilter @store }
$security = Get-FilterIndex { Get-NetFirewallSecurityFilter @store }

$ruleObjects = foreach ($r in $rules) {
    $id = $r.Name
    $p = $ports[$id]
    $a = $addresses[$id]
    $app = $applications[$id]
    $svc = $services[$id]
    $it = $interfaceTypes[$id]
    $iface = $interfaces[$id]
    $sec = $security[$id]
    [pscustomobject][ordered]@{
        Name                  = [string]$r.Name
        DisplayName           = [string]$r.DisplayName
        DisplayGroup          = Get-Text $r 'DisplayGroup'
        Enabled               = [string]$r.Enabled
        Direction             = [string]$r.Direction
        Action                = [string]$r.Action
        Profile               = [string]$r.Profile
        EdgeTraversalPolicy   = [string]$r.EdgeTraversalPolicy
        Owner                 = Get-Text $r 'Owner'
        PolicyStoreSource     = Get-Text $r 'PolicyStoreSource'
        PolicyStoreSourceType = [string]$r.PolicyStoreSourceType
        Protocol              = Get-Text $p 'Protocol'
        LocalPort             = ConvertTo-StringList $(if ($p) { $p.LocalPort })
        RemotePort            = ConvertTo-StringList $(if ($p) { $p.RemotePort })
        IcmpType              = ConvertTo-StringList $(if ($p) { $p.IcmpType })
        LocalAddress          = ConvertTo-StringList $(if ($a) { $a.LocalAddress })
        RemoteAddress         = ConvertTo-StringList $(if ($a) { $a.RemoteAddress })
        Program               = Get-Text $app 'Program'
        Package               = Get-Text $app 'Package'
        Service               = Get-Text $svc 'Service'
        InterfaceType         = Get-Text $it 'InterfaceType'
        InterfaceAlias        = ConvertTo-StringList $(if ($iface) { $iface.InterfaceAlias })
        Authentication        = Get-Text $sec 'Authentication'
        Encryption            = Get-Text $sec 'Encryption'
        OverrideBlockRules    = Get-Text $sec 'OverrideBlockRules'
        LocalUser             = Get-Text $sec 'LocalUser'
        RemoteUser            = Get-Text $sec 'RemoteUser'
        RemoteMachine         = Get-Text $sec 'RemoteMachine'
    }
}

$profileObjects = foreach ($fp in @(Get-NetFirewallProfile @store)) {
    [pscustomobject][ordered]@{
        Name                    = [string]$fp.Name
        Enabled                 = [string]$fp.Enabled
        DefaultInboundAction    = [string]$fp.DefaultInboundAction
        DefaultOutboundAction   = [string]$fp.DefaultOutboundAction
        AllowInboundRules       = [string]$fp.AllowInboundRules
        AllowLocalFirewallRules = [string]$fp.AllowLocalFirewallRules
    }
}

$document = [pscustomobject][ordered]@{
    k2audit  = [pscustomobject][ordered]@{
        format            = 'k2audit-windows-firewall'
        formatVersion     = 1
        collector         = 'collect-k2-firewall.ps1'
        hostname          = $env:COMPUTERNAME
        collectedAt       = (Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
        powershellVersion = $PSVersionTable.PSVersion.ToString()
        osVersion         = [Environment]::OSVersion.Version.ToString()
        policyStore       = $PolicyStore
        ruleCount         = @($ruleObjects).Count
    }
    profiles = @($profileObjects)
    rules    = @($ruleObjects)
}

$json = $document | ConvertTo-Json -Depth 5
$path = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($OutFile)
# UTF-8 without BOM in both Windows PowerShell 5.1 and PowerShell 7.
[System.IO.File]::WriteAllText($path, $json, (New-Object System.Text.UTF8Encoding($false)))
Write-Host "k2audit: wrote $(@($ruleObjects).Count) rules and $(@($profileObjects).Count) profiles ($PolicyStore) to $path"
